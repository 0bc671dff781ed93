import { describe, expect, it } from 'vitest';
import { checkRequest, newToken, type RequestFacts } from '../../../electron/host/request-guard.ts';

const cfg = { port: 5174, token: 'secret-token' };

function req(over: Partial<RequestFacts> & { headers?: RequestFacts['headers'] } = {}): RequestFacts {
  return {
    method: 'POST',
    path: '/api/projectInfo',
    remoteAddress: '127.0.0.1',
    ...over,
    headers: { host: '127.0.0.1:5174', 'x-atlas-token': 'secret-token', ...over.headers },
  };
}

describe('browser-mode request guard', () => {
  it('accepts an API call from the page with the token', () => {
    expect(checkRequest(req(), cfg)).toEqual({ ok: true });
  });

  it('accepts localhost as the Host and a same-origin Origin', () => {
    expect(checkRequest(req({ headers: { host: 'localhost:5174', origin: 'http://localhost:5174' } }), cfg).ok).toBe(true);
  });

  it('refuses an API call without the token', () => {
    expect(checkRequest(req({ headers: { 'x-atlas-token': undefined } }), cfg)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses an API call with a wrong token of the same length', () => {
    expect(checkRequest(req({ headers: { 'x-atlas-token': 'secret-tokeX' } }), cfg)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a foreign Host header (DNS rebinding)', () => {
    expect(checkRequest(req({ headers: { host: 'evil.example:5174' } }), cfg)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a foreign Origin even with the token', () => {
    expect(checkRequest(req({ headers: { origin: 'http://evil.example' } }), cfg)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses an Origin on another local port', () => {
    expect(checkRequest(req({ headers: { origin: 'http://127.0.0.1:9999' } }), cfg)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a cross-site fetch', () => {
    expect(checkRequest(req({ headers: { 'sec-fetch-site': 'cross-site' } }), cfg)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses requests from other machines', () => {
    expect(checkRequest(req({ remoteAddress: '192.0.2.7' }), cfg)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses GET on the API', () => {
    expect(checkRequest(req({ method: 'GET' }), cfg)).toMatchObject({ ok: false, status: 405 });
  });

  it('serves the page itself without a token', () => {
    expect(checkRequest(req({ method: 'GET', path: '/', headers: { 'x-atlas-token': undefined } }), cfg)).toEqual({ ok: true });
  });

  it('makes a different long token each run', () => {
    const a = newToken();
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(newToken()).not.toBe(a);
  });
});
