import type { AtlasErrorData } from '../../shared/api/errors.ts';
import type { ImportOptions, ImportPreview, ImportResult, JobStatus } from '../../shared/api/transfer.ts';
import type { KindId } from '../../shared/layers/index.ts';
import { createStore, useStore } from '../app/create-store.ts';

/** preview → target → running → done | failed. */
export type ImportStep = 'preview' | 'target' | 'running' | 'done' | 'failed';

/** Where the features go: a new layer of a kind, or an existing layer. */
export interface TargetDraft {
  mode: 'new' | 'append';
  kind: KindId;
  title: string;
  appendLayerId: string | null;
  /** Target field key -> source field (null: leave empty). */
  mapping: Record<string, string | null>;
}

export interface ImportState {
  open: boolean;
  /** Local paths of the files (picked, or dropped and staged). */
  files: string[];
  options: ImportOptions;
  preview: ImportPreview | null;
  previewing: boolean;
  /** Why the last preview failed (needs_input, bad_coordinates, invalid_file …). */
  previewError: AtlasErrorData | null;
  layerIndex: number;
  /** The host's list of common CRS (listCrs). */
  crsList: { id: string; name: string }[];
  step: ImportStep;
  target: TargetDraft;
  /** What to do with features that cannot be imported (needed when there are any). */
  invalidChoice: 'skip' | 'refuse' | null;
  job: JobStatus | null;
  cancelling: boolean;
  result: ImportResult | null;
  failure: AtlasErrorData | null;
}

export const EMPTY_TARGET: TargetDraft = { mode: 'new', kind: 'generic', title: '', appendLayerId: null, mapping: {} };

export const initialImportState: ImportState = {
  open: false,
  files: [],
  options: {},
  preview: null,
  previewing: false,
  previewError: null,
  layerIndex: 0,
  crsList: [],
  step: 'preview',
  target: EMPTY_TARGET,
  invalidChoice: null,
  job: null,
  cancelling: false,
  result: null,
  failure: null,
};

/** The import dialog's state (its own store: the dialog stays open under the file dialog and messages). */
export const importStore = createStore<ImportState>(initialImportState);

export function useImport<T>(selector: (state: ImportState) => T): T {
  return useStore(importStore, selector);
}
