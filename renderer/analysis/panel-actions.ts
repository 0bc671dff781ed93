import type { PresetId } from '../../shared/analysis/presets.ts';
import { appStore } from '../app/state.ts';
import { analysisStore, type AnalysisTab } from './analysis-store.ts';
import { initialDraft, withMinutes, withDistance, withMode, withPreset, withType, type AnalysisDraft } from './draft-model.ts';
import { cancelAnalysis } from './run-actions.ts';
import { loadRuns } from './saved-runs-actions.ts';

/** View › Analysis (menu, native menu, toolbar): shows or hides the analysis panel. */
export function toggleAnalysisPanel(): void {
  analysisStore.set((s) => ({ open: !s.open }));
}

export function closeAnalysisPanel(): void {
  analysisStore.set({ open: false });
}

export function setAnalysisTab(tab: AnalysisTab): void {
  analysisStore.set({ tab });
  if (tab === 'saved') void loadRuns();
}

/**
 * Keeps the panel on the open project: another project (a new projectKey) gets a fresh form on its own
 * layers, loses the shown results and reads its saved runs; a run still going is cancelled.
 */
export function syncAnalysisProject(): void {
  const { project, projectKey } = appStore.get();
  const state = analysisStore.get();
  if (!project) {
    if (state.projectKey !== null) {
      cancelAnalysis();
      analysisStore.set({ projectKey: null, draft: null, shown: null, focus: null, runs: null, failure: null });
    }
    return;
  }
  if (state.projectKey === projectKey && state.draft) return;
  if (state.projectKey !== null) cancelAnalysis();
  analysisStore.set({ projectKey, draft: initialDraft(project.layers), shown: null, focus: null, runs: null, failure: null, tab: 'setup' });
  void loadRuns();
}

function update(change: (draft: AnalysisDraft) => AnalysisDraft): void {
  const { draft } = analysisStore.get();
  if (draft) analysisStore.set({ draft: change(draft) });
}

const projectLayers = () => appStore.get().project?.layers ?? [];

export const setPreset = (id: PresetId) => update((d) => withPreset(d, id, projectLayers()));
export const setMode = (mode: AnalysisDraft['mode']) => update((d) => withMode(d, mode));
export const setPlan = (plan: AnalysisDraft['plan']) => update((d) => ({ ...d, plan }));
export const setDistance = (text: string) => update((d) => withDistance(d, text));
export const setMinutes = (text: string) => update((d) => withMinutes(d, text));
export const toggleType = (value: string, on: boolean) => update((d) => withType(d, value, on));

/** Any other field of the form (smallest area, street width, layers, sites). */
export function patchDraft(patch: Partial<AnalysisDraft>): void {
  update((d) => ({ ...d, ...patch }));
}

export function setDraftLayer(role: keyof AnalysisDraft['layers'], layerId: string): void {
  update((d) => ({ ...d, layers: { ...d.layers, [role]: layerId } }));
}
