import type { AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';
import type { AnalysisFigures, AnalysisLayers, AnalysisRequest } from '../../shared/analysis/request.ts';
import { createStore, useStore } from '../app/create-store.ts';
import type { AnalysisDraft } from './draft-model.ts';

/** A run whose figures and map layers are shown: just computed, or opened from the saved runs. */
export interface ShownRun {
  name: string;
  request: AnalysisRequest;
  figures: AnalysisFigures;
  layers: Partial<AnalysisLayers>;
  /** The saved run's id; null while it is not saved. */
  runId: number | null;
  /** Why a computed run is not saved: the project is read-only, or saving failed. */
  unsaved: { reason: 'readOnly' } | { reason: 'failed'; error: AtlasErrorData } | null;
  /** An input layer changed since the run (saved runs only). */
  stale: boolean;
  createdAt: string;
}

/** A run in progress: reading the layers, computing in the worker, or saving. */
export interface RunningRun {
  phase: 'fetching' | 'computing' | 'saving';
  /** 0–1, from the worker's onProgress. */
  progress: number;
}

export type AnalysisTab = 'setup' | 'result' | 'saved';

export interface AnalysisState {
  open: boolean;
  tab: AnalysisTab;
  /** The form; null until a project gives its layer defaults. */
  draft: AnalysisDraft | null;
  /** The project (app store projectKey) the form's layers and the saved runs belong to. */
  projectKey: number | null;
  running: RunningRun | null;
  /** Why the last run stopped without a result (cancelled runs say so too). */
  failure: AtlasErrorData | null;
  shown: ShownRun | null;
  /** A blind spot (rank) or suggested site (rank) picked in the card: outlined on the map. */
  focus: { layer: 'blindSpots' | 'sites'; rank: number } | null;
  runs: AnalysisRunSummary[] | null;
  runsLoading: boolean;
  runsError: AtlasErrorData | null;
  /** A saved run being opened, re-run, renamed, deleted or exported (its buttons wait). */
  busyRunId: number | null;
}

export const initialAnalysisState: AnalysisState = {
  open: false,
  tab: 'setup',
  draft: null,
  projectKey: null,
  running: null,
  failure: null,
  shown: null,
  focus: null,
  runs: null,
  runsLoading: false,
  runsError: null,
  busyRunId: null,
};

/** The analysis panel's own store (like the import and export dialogs'). */
export const analysisStore = createStore<AnalysisState>(initialAnalysisState);

export function useAnalysis<T>(selector: (state: AnalysisState) => T): T {
  return useStore(analysisStore, selector);
}
