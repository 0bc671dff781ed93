import fs from 'node:fs';
import type { FeatureCollection } from 'geojson';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { createApiHandlers } from '../../../electron/api/handlers.ts';
import { runAnalysis } from '../../../shared/analysis/run-analysis.ts';
import type { AnalysisRequest } from '../../../shared/analysis/request.ts';
import type { AnalysisRunDetail, AnalysisRunSummary } from '../../../shared/api/analysis-runs.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

// The saved-run calls as the UI makes them: arguments through JSON and the contract's schemas.
describe('saved analysis runs over the API', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(handlers, name, JSON.parse(JSON.stringify(args)));
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.result as T;
  };
  beforeAll(() => {
    tmp = makeTempDir();
    handlers = createApiHandlers({ mode: 'browser', dataDir: tmp.dir });
  });
  afterAll(() => {
    handlers.jobs.stopAll();
    handlers.session.close();
    tmp.cleanup();
  });

  it('saves what the worker computed, lists, opens, renames, exports and deletes it', async () => {
    const request: AnalysisRequest = { preset: 'green-5min', mode: 'straight', plan: 'after', layers: { facilities: 'parks', targets: 'residential_areas', districts: 'districts' } };
    const read = (id: string) => call<FeatureCollection>('layerGeoJSON', { layerId: id });
    const outcome = runAnalysis({ facilities: await read('parks'), targets: await read('residential_areas'), districts: await read('districts') }, request);
    const saved = await call<AnalysisRunSummary>('saveAnalysisRun', { name: '见绿', request, figures: outcome.figures, layers: outcome.layers, durationMs: 12 });
    expect(saved).toMatchObject({ name: '见绿', stale: false, shareBefore: null, share: outcome.figures.stages[0].coverage.share });
    expect((await call<AnalysisRunSummary[]>('listAnalysisRuns', {})).map((r) => r.id)).toEqual([saved.id]);
    const detail = await call<AnalysisRunDetail>('getAnalysisRun', { runId: saved.id });
    expect(detail.layerData.blindSpots!.features).toHaveLength(outcome.layers.blindSpots.features.length);
    expect(detail.layerData.catchmentBefore).toBeUndefined();
    expect((await call<AnalysisRunSummary>('renameAnalysisRun', { runId: saved.id, name: '改名' })).name).toBe('改名');
    const csv = path.join(tmp.dir, 'fig.csv');
    expect(await call('exportAnalysisRun', { runId: saved.id, format: 'csv', path: csv })).toMatchObject({ files: [csv] });
    expect(fs.readFileSync(csv, 'utf8').startsWith('\uFEFFstage,')).toBe(true);
    // The project's layers are untouched by the run's tables.
    expect((await call<{ layers: { id: string }[] }>('projectInfo', {})).layers.some((l) => l.id.startsWith('ra_run_'))).toBe(false);
    expect(await call('deleteAnalysisRun', { runId: saved.id })).toEqual({ runId: saved.id });
    expect(await call('listAnalysisRuns', {})).toEqual([]);
  });

  it('refuses arguments the contract does not allow, and a run that is not there', async () => {
    await expect(call('getAnalysisRun', { runId: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(call('getAnalysisRun', { runId: 99 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('exportAnalysisRun', { runId: 1, format: 'kml', path: '/tmp/x' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
