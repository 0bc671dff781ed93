import type { FeatureCollection } from 'geojson';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { AnalysisInputs, AnalysisOutcome, AnalysisRequest } from '../../shared/analysis/request.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { appStore } from '../app/state.ts';
import { currentLanguage, i18n } from '../i18n/i18n.ts';
import { analysisStore, type ShownRun } from './analysis-store.ts';
import { buildRequest, requestLayerIds } from './request-model.ts';
import { showRun, zoomToResults } from './result-view.ts';
import { runName } from './run-name.ts';
import { rememberSavedRun } from './saved-runs-actions.ts';
import { runInWorker, type WorkerRun } from './worker-client.ts';

/** The run in progress (later steps check it is still the current one) and its worker, to cancel. */
let current: { worker: WorkerRun | null } | null = null;

/** The layers a request reads, fetched once each on the main thread (the worker gets them as data). */
async function fetchInputs(request: AnalysisRequest): Promise<AnalysisInputs> {
  const ids = requestLayerIds(request);
  const unique = [...new Set(Object.values(ids).filter((id): id is string => !!id))];
  const data = await Promise.all(unique.map((layerId) => client().layerGeoJSON({ layerId })));
  const byId = new Map<string, FeatureCollection>(unique.map((id, i) => [id, data[i]]));
  const get = (id: string | undefined) => (id ? byId.get(id) : undefined);
  return {
    facilities: get(ids.facilities)!,
    targets: get(ids.targets)!,
    ...(ids.streets ? { streets: get(ids.streets) } : {}),
    ...(ids.districts ? { districts: get(ids.districts) } : {}),
    ...(ids.candidates ? { candidates: get(ids.candidates) } : {}),
  };
}

/** Saves a finished run; a read-only project (or a failed save) leaves it shown but unsaved. */
async function save(request: AnalysisRequest, outcome: AnalysisOutcome, durationMs: number): Promise<ShownRun> {
  const createdAt = new Date();
  const name = runName(request, currentLanguage(), i18n.getFixedT(currentLanguage()), createdAt);
  const base: ShownRun = { name, request, figures: outcome.figures, layers: outcome.layers, runId: null, unsaved: null, stale: false, createdAt: createdAt.toISOString() };
  if (appStore.get().project?.readOnly) return { ...base, unsaved: { reason: 'readOnly' } };
  try {
    // The contract's schemas describe the JSON loosely (index signatures), which the interfaces lack.
    const args = { name, request, figures: outcome.figures, layers: outcome.layers, durationMs } as unknown as ApiArgs['saveAnalysisRun'];
    const summary = await client().saveAnalysisRun(args);
    rememberSavedRun(summary);
    return { ...base, name: summary.name, runId: summary.id, createdAt: summary.createdAt };
  } catch (err) {
    const e = toAtlasError(err);
    return { ...base, unsaved: e.code === 'read_only' ? { reason: 'readOnly' } : { reason: 'failed', error: { code: e.code, message: e.message, params: e.params } } };
  }
}

/**
 * Runs an analysis: the form's request (or a saved run's, to re-run it). Reads the layers, computes in
 * a Web Worker with progress, saves the run, then shows its card and map layers and zooms to them.
 */
export async function startAnalysis(given?: AnalysisRequest): Promise<void> {
  if (current) return;
  const { draft } = analysisStore.get();
  const layers = appStore.get().project?.layers ?? [];
  const request = given ?? (draft ? buildRequest(draft, layers) : null);
  if (!request) return;
  const run: { worker: WorkerRun | null } = { worker: null };
  current = run;
  const live = () => current === run;
  analysisStore.set({ running: { phase: 'fetching', progress: 0 }, failure: null, tab: 'setup' });
  const started = performance.now();
  try {
    const inputs = await fetchInputs(request);
    if (!live()) return;
    analysisStore.set({ running: { phase: 'computing', progress: 0 } });
    run.worker = runInWorker(inputs, request, (progress) => {
      if (live()) analysisStore.set((s) => ({ running: s.running && { ...s.running, progress } }));
    });
    const outcome = await run.worker.result;
    if (!live()) return;
    analysisStore.set({ running: { phase: 'saving', progress: 1 } });
    const shown = await save(request, outcome, Math.round(performance.now() - started));
    if (!live()) return;
    analysisStore.set({ running: null });
    showRun(shown);
    zoomToResults(shown.layers);
  } catch (err) {
    if (!live()) return;
    const e = toAtlasError(err);
    analysisStore.set({ running: null, failure: { code: e.code, message: e.message, params: e.params } });
  } finally {
    if (live()) current = null;
  }
}

/** Stops the run in progress: the worker is ended at once and nothing is saved. */
export function cancelAnalysis(): void {
  const run = current;
  if (!run) return;
  current = null;
  run.worker?.cancel();
  const e = new AtlasError('cancelled', 'The analysis was cancelled');
  analysisStore.set({ running: null, failure: { code: e.code, message: e.message } });
}
