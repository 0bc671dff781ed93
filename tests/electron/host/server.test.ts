import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/api/handlers.ts';
import { startHost, type RunningHost } from '../../../electron/host/server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/** Raw HTTP request, so tests can send any Host/Origin header (fetch forbids setting Host). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode host over real HTTP', () => {
  let host: RunningHost;
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;

  beforeAll(async () => {
    tmp = makeTempDir();
    const staticDir = path.join(tmp.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'outside');
    handlers = createApiHandlers({ mode: 'browser', dataDir: path.join(tmp.dir, 'data') });
    host = await startHost({ handlers, staticDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    handlers.session.close();
    tmp.cleanup();
  });

  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: `/api/${name}`,
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-atlas-token': host.token, ...headers },
      body: JSON.stringify(body),
    });

  it('injects the per-run token into the page and sets a CSP', async () => {
    const res = await request(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="atlas-token" content="${host.token}" />`);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a body over 1 MiB for ordinary calls but takes a large saved analysis run', async () => {
    const big = 'x'.repeat(1.5 * (1 << 20));
    const small = await api('getFeature', { layerId: big, fid: 1 });
    expect(small.status).toBe(400);
    expect(JSON.parse(small.body).error.message).toMatch(/larger than 1 MiB/);
    const layers = await handlers.projectInfo({});
    const facilities = layers.layers.find((l) => l.kind === 'park')!.id;
    const targets = layers.layers.find((l) => l.kind === 'residential_area')!.id;
    const ring = [[120.7, 30.7], [120.71, 30.7], [120.71, 30.71], [120.7, 30.7]];
    const features = Array.from({ length: 6000 }, (_, i) => ({ type: 'Feature', properties: { n: i, pad: 'p'.repeat(200) }, geometry: { type: 'Polygon', coordinates: [ring] } }));
    const res = await api('saveAnalysisRun', {
      name: 'big run',
      request: { preset: 'green-5min', mode: 'straight', plan: 'all', layers: { facilities, targets } },
      figures: { stages: [{ plan: 'all', facilitiesUsed: 1, coverage: { share: 0.5, threshold: 0.9, met: false, districts: [], areas: [] }, blindSpotCount: 6000 }], distance: 300 },
      layers: { catchment: { type: 'FeatureCollection', features: features.slice(0, 1) }, blindSpots: { type: 'FeatureCollection', features } },
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok, JSON.stringify(body.error)).toBe(true);
    expect(body.result.layers.find((l: { name: string }) => l.name === 'blindSpots').featureCount).toBe(6000);
  });

  it('answers an API call with the token', async () => {
    const res = await api('appInfo', {});
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { mode: 'browser' } });
  });

  it('refuses an API call without the token', async () => {
    const res = await api('appInfo', {}, { 'x-atlas-token': '' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Origin', async () => {
    const res = await api('appInfo', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header', async () => {
    const res = await api('appInfo', {}, { host: 'attacker.example' });
    expect(res.status).toBe(403);
  });

  it('validates arguments with the contract and says which one is wrong', async () => {
    const res = JSON.parse((await api('getFeature', { layerId: 'parks', fid: -1 })).body);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(res.error.message).toMatch(/fid/);
  });

  it('refuses an unknown call name', async () => {
    const res = JSON.parse((await api('deleteEverything', {})).body);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('never serves files outside the app folder', async () => {
    const res = await request(host.port, { path: '/../secret.txt', headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(404);
    const encoded = await request(host.port, { path: '/%2e%2e/secret.txt', headers: { host: `127.0.0.1:${host.port}` } });
    expect(encoded.status).toBe(404);
  });
});
