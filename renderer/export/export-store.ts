import type { AtlasErrorData } from '../../shared/api/errors.ts';
import type { ExportResult, JobStatus } from '../../shared/api/transfer.ts';
import { createStore, useStore } from '../app/create-store.ts';
import { WGS84, type ExportDraft } from './export-model.ts';

export interface ExportState {
  open: boolean;
  step: 'form' | 'running' | 'done' | 'failed';
  draft: ExportDraft;
  crsList: { id: string; name: string }[];
  job: JobStatus | null;
  cancelling: boolean;
  result: ExportResult | null;
  failure: AtlasErrorData | null;
}

export const initialExportState: ExportState = {
  open: false,
  step: 'form',
  draft: { layerId: null, scope: 'layer', format: 'geojson', crs: WGS84, csvGeometry: 'wkt', path: '' },
  crsList: [],
  job: null,
  cancelling: false,
  result: null,
  failure: null,
};

/** The export dialog's state (its own store: the file dialog opens above it). */
export const exportStore = createStore<ExportState>(initialExportState);

export function useExport<T>(selector: (state: ExportState) => T): T {
  return useStore(exportStore, selector);
}
