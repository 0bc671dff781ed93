import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { httpClient, toAtlasError } from '../../renderer/api/client.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(body: unknown, calls: Call[] = [], status = 200): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('browser-mode client', () => {
  it('posts the arguments to /api/<name> with the token', async () => {
    const calls: Call[] = [];
    await httpClient('tok', fakeFetch({ ok: true, result: {} }, calls)).getFeature({ layerId: 'parks', fid: 3 });
    expect(calls[0].url).toBe('/api/getFeature');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ layerId: 'parks', fid: 3 });
  });

  it('returns the result', async () => {
    const result = await httpClient('t', fakeFetch({ ok: true, result: [] })).recentProjects({});
    expect(result).toEqual([]);
  });

  it('throws an AtlasError with the code and params of a refusal', async () => {
    const error = { code: 'file_exists', message: '/a.gpkg exists', params: { path: '/a.gpkg' } };
    const call = httpClient('t', fakeFetch({ ok: false, error })).saveProjectAs({ path: '/a.gpkg' });
    await expect(call).rejects.toMatchObject({ name: 'AtlasError', code: 'file_exists', params: { path: '/a.gpkg' } });
  });

  it('turns an unreadable answer into an io_error', async () => {
    const broken = (async () => new Response('<html>', { status: 502 })) as typeof fetch;
    await expect(httpClient('t', broken).appInfo({})).rejects.toMatchObject({ code: 'io_error' });
  });
});

describe('toAtlasError', () => {
  it('keeps the code of an error that crossed Electron IPC as a plain Error', () => {
    const err = Object.assign(new Error('read-only file'), { name: 'AtlasError', code: 'read_only', params: { path: '/x' } });
    const out = toAtlasError(err);
    expect(out).toBeInstanceOf(AtlasError);
    expect([out.code, out.message, out.params]).toEqual(['read_only', 'read-only file', { path: '/x' }]);
  });

  it('rebuilds the plain error data the Electron bridge rejects with', () => {
    const out = toAtlasError({ name: 'AtlasError', code: 'not_a_geopackage', message: '/x is not a GeoPackage', params: {} });
    expect([out instanceof AtlasError, out.code, out.message]).toEqual([true, 'not_a_geopackage', '/x is not a GeoPackage']);
  });

  it('calls anything else internal', () => {
    expect(toAtlasError(new TypeError('boom')).code).toBe('internal');
  });
});
