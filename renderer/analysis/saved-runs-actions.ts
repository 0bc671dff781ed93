import type { AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { confirmAction, showError } from '../app/messages.ts';
import { i18n } from '../i18n/i18n.ts';
import { analysisStore } from './analysis-store.ts';
import { clearResults, showRun, zoomToResults } from './result-view.ts';

let loadSeq = 0;

/** Reads the project's saved runs (newest first, as the host lists them). */
export async function loadRuns(): Promise<void> {
  const seq = ++loadSeq;
  analysisStore.set({ runsLoading: true, runsError: null });
  try {
    const runs = await client().listAnalysisRuns({});
    if (seq === loadSeq) analysisStore.set({ runs, runsLoading: false });
  } catch (err) {
    const e = toAtlasError(err);
    if (seq === loadSeq) analysisStore.set({ runsLoading: false, runsError: { code: e.code, message: e.message, params: e.params } });
  }
}

/** A run just saved goes to the top of the list without asking the host again. */
export function rememberSavedRun(summary: AnalysisRunSummary): void {
  loadSeq++; // a list read still under way is older than this run
  analysisStore.set((s) => ({ runs: [summary, ...(s.runs ?? []).filter((r) => r.id !== summary.id)], runsLoading: false }));
}

/** Runs a step for one saved run, its buttons waiting meanwhile; errors are shown in a message box. */
async function withRun(runId: number, titleKey: string, step: () => Promise<void>): Promise<void> {
  if (analysisStore.get().busyRunId !== null) return;
  analysisStore.set({ busyRunId: runId });
  try {
    await step();
  } catch (err) {
    await showError(err, titleKey);
  } finally {
    analysisStore.set({ busyRunId: null });
  }
}

/** Opens a saved run: its stored figures and layers are drawn as they were, nothing is computed. */
export function openRun(runId: number): Promise<void> {
  return withRun(runId, 'analysis.saved.openFailed', async () => {
    const run = await client().getAnalysisRun({ runId });
    showRun({
      name: run.name,
      request: run.request,
      figures: run.figures,
      layers: run.layerData,
      runId: run.id,
      unsaved: null,
      stale: run.stale,
      createdAt: run.createdAt,
    });
    zoomToResults(run.layerData);
  });
}

export function renameRun(runId: number, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return Promise.resolve();
  return withRun(runId, 'analysis.saved.renameFailed', async () => {
    const summary = await client().renameAnalysisRun({ runId, name: trimmed.slice(0, 200) });
    analysisStore.set((s) => ({
      runs: (s.runs ?? []).map((r) => (r.id === runId ? summary : r)),
      shown: s.shown?.runId === runId ? { ...s.shown, name: summary.name } : s.shown,
    }));
  });
}

/** Deletes a saved run after the planner confirms; its card and layers go if shown. */
export async function deleteRun(runId: number): Promise<void> {
  const run = analysisStore.get().runs?.find((r) => r.id === runId);
  const t = i18n.t.bind(i18n);
  const ok = await confirmAction(t('analysis.saved.deleteTitle'), t('analysis.saved.deleteBody', { name: run?.name ?? '' }), t('analysis.saved.delete'));
  if (!ok) return;
  await withRun(runId, 'analysis.saved.deleteFailed', async () => {
    await client().deleteAnalysisRun({ runId });
    analysisStore.set((s) => ({ runs: (s.runs ?? []).filter((r) => r.id !== runId) }));
    if (analysisStore.get().shown?.runId === runId) clearResults();
  });
}
