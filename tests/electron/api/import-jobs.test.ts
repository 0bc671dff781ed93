import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/api/handlers.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

function polygons(n: number) {
  const features = [];
  for (let i = 0; i < n; i++) {
    const x = 120.7 + (i % 300) * 0.0005;
    const y = 30.7 + Math.floor(i / 300) * 0.0005;
    features.push({ type: 'Feature', properties: { 编号: i, 名称: `地块${i}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.0004, y], [x + 0.0004, y + 0.0004], [x, y + 0.0004], [x, y]]] } });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('imports and exports as jobs in a worker thread', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  beforeEach(() => {
    tmp = makeTempDir();
    handlers = createApiHandlers({ mode: 'browser', dataDir: tmp.dir, projectPath: undefined });
  });
  afterEach(() => {
    handlers.jobs.stopAll();
    handlers.session.close();
    tmp.cleanup();
  });

  it('previews, imports with progress, and shows the new layer in the open project', async () => {
    const file = path.join(tmp.dir, 'blocks.geojson');
    fs.writeFileSync(file, polygons(5000));
    const preview = await handlers.importPreview({ files: [file] });
    expect(preview.layers[0]).toMatchObject({ featureCount: 5000, geometryTypes: ['Polygon'], crs: { id: 'EPSG:4326' } });
    const { jobId } = await handlers.startImport({ files: [file], layerIndex: 0, target: { mode: 'new', kind: 'generic', title: '地块' }, skipInvalid: false });
    const done = await handlers.jobs.wait(jobId);
    expect(done).toMatchObject({ state: 'done', progress: 1, result: { imported: 5000 } });
    const layer = (await handlers.projectInfo({})).layers.find((l) => l.title === '地块');
    expect(layer?.featureCount).toBe(5000);
  });

  it('cancels an import and leaves the project file as it was', async () => {
    const file = path.join(tmp.dir, 'big.geojson');
    fs.writeFileSync(file, polygons(150_000));
    const project = (await handlers.projectInfo({})).path;
    const before = await fileHash(project);
    const { jobId } = await handlers.startImport({ files: [file], layerIndex: 0, target: { mode: 'new', kind: 'generic', title: 'big' }, skipInvalid: false });
    // Cancelled once features are being written (the import is fast: a fixed delay could miss it).
    for (let i = 0; i < 2000 && handlers.jobs.status(jobId).processed === 0 && handlers.jobs.status(jobId).state === 'running'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(handlers.jobs.status(jobId)).toMatchObject({ state: 'running' });
    await handlers.cancelJob({ jobId });
    const done = await handlers.jobs.wait(jobId);
    expect(done.state).toBe('cancelled');
    expect(await fileHash(project)).toBe(before);
  });

  it('exports a layer of the open project to a shapefile zip that GDAL reads', async () => {
    const out = path.join(tmp.dir, 'parks.zip');
    const { jobId } = await handlers.startExport({ layerIds: ['parks'], format: 'shapefile', path: out, crs: 'EPSG:4549' });
    const done = await handlers.jobs.wait(jobId);
    expect(done).toMatchObject({ state: 'done', result: { count: 30 } });
    expect(fs.existsSync(out)).toBe(true);
  });

  it('reports a failed import with a readable error', async () => {
    const file = path.join(tmp.dir, 'broken.geojson');
    fs.writeFileSync(file, '{"type": "FeatureCollection", "features": [');
    await expect(handlers.importPreview({ files: [file] })).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/broken\.geojson/) });
  });
});
