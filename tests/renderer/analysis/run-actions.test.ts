import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, ProjectInfo } from '../../../shared/api/contract.ts';
import type { AnalysisRunSummary } from '../../../shared/api/analysis-runs.ts';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { AnalysisOutcome, AnalysisRequest } from '../../../shared/analysis/request.ts';
import { analysisStore, initialAnalysisState } from '../../../renderer/analysis/analysis-store.ts';
import { cancelAnalysis, startAnalysis } from '../../../renderer/analysis/run-actions.ts';
import { setClient } from '../../../renderer/api/runtime.ts';
import { appStore, initialState } from '../../../renderer/app/state.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';

const square = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[120, 30], [120.01, 30], [120.01, 30.01], [120, 30]]] } } as const;
const fc = { type: 'FeatureCollection', features: [square] } as never;
const outcome = {
  figures: { stages: [{ plan: 'all', facilitiesUsed: 3, blindSpotCount: 0, coverage: { share: 0.5 } }], distance: 300 },
  layers: { catchment: fc, blindSpots: fc },
} as unknown as AnalysisOutcome;

// The worker itself is tested in worker-client.test.ts; here it answers at once (or never, to be cancelled).
const worker = vi.hoisted(() => ({ answer: 'done' as 'done' | 'never', posted: [] as unknown[] }));
vi.mock('../../../renderer/analysis/worker-client.ts', () => ({
  runInWorker: (inputs: unknown) => {
    worker.posted.push(inputs);
    return { result: worker.answer === 'done' ? Promise.resolve(outcome) : new Promise(() => {}), cancel: () => {} };
  },
}));

const request: AnalysisRequest = { preset: 'green-5min', mode: 'straight', plan: 'all', layers: { facilities: 'parks', targets: 'homes', districts: 'districts' } };
const summary = { id: 7, name: 'saved name', createdAt: '2024-05-01T06:03:00.000Z' } as AnalysisRunSummary;

function install(save: () => Promise<AnalysisRunSummary>) {
  const calls: string[] = [];
  setClient({
    layerGeoJSON: async ({ layerId }: { layerId: string }) => {
      calls.push(layerId);
      return fc;
    },
    saveAnalysisRun: vi.fn(save),
  } as unknown as AtlasApi);
  return calls;
}

function project(readOnly: boolean): void {
  appStore.set({ ...initialState, project: { path: '/p/demo.gpkg', name: 'demo', demo: true, schemaVersion: 1, readOnly, layers: [], bbox: null } as ProjectInfo });
}

describe('running an analysis from the panel', () => {
  beforeEach(() => {
    initI18n('zh');
    analysisStore.set(initialAnalysisState);
    worker.answer = 'done';
    worker.posted = [];
  });

  it('reads each layer once, saves the run and shows it with its saved id', async () => {
    project(false);
    const calls = install(async () => summary);
    await startAnalysis(request);
    expect(calls.sort()).toEqual(['districts', 'homes', 'parks']);
    expect(worker.posted).toEqual([{ facilities: fc, targets: fc, districts: fc }]);
    const { shown, running, tab, runs } = analysisStore.get();
    expect(shown).toMatchObject({ runId: 7, name: 'saved name', unsaved: null, request });
    expect([running, tab, runs?.map((r) => r.id)]).toEqual([null, 'result', [7]]);
    expect(appStore.get().fit?.bbox).toEqual([120, 30, 120.01, 30.01]);
  });

  it('shows the run of a read-only project unsaved, with a notice', async () => {
    project(true);
    install(async () => {
      throw new Error('must not save');
    });
    await startAnalysis(request);
    expect(analysisStore.get().shown).toMatchObject({ runId: null, unsaved: { reason: 'readOnly' } });
    expect(analysisStore.get().shown?.name).toMatch(/^5分钟见绿 · 直线距离 · 全部设施 · \d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('keeps a run whose save failed, saying why', async () => {
    project(false);
    install(async () => {
      throw new AtlasError('io_error', 'disk full');
    });
    await startAnalysis(request);
    expect(analysisStore.get().shown?.unsaved).toEqual({ reason: 'failed', error: { code: 'io_error', message: 'disk full', params: {} } });
  });

  it('reports a layer that cannot be read, and shows nothing', async () => {
    project(false);
    setClient({ layerGeoJSON: async () => Promise.reject(new AtlasError('not_found', 'No layer parks')) } as unknown as AtlasApi);
    await startAnalysis(request);
    expect(analysisStore.get()).toMatchObject({ running: null, shown: null, failure: { code: 'not_found' } });
  });

  it('cancels a run in the worker: nothing is saved or shown', async () => {
    project(false);
    worker.answer = 'never';
    install(async () => summary);
    const run = startAnalysis(request);
    await vi.waitFor(() => expect(analysisStore.get().running?.phase).toBe('computing'));
    cancelAnalysis();
    expect(analysisStore.get()).toMatchObject({ running: null, shown: null, failure: { code: 'cancelled' } });
    void run;
  });
});
