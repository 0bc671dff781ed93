import type { LayerAttributes } from '../../shared/api/transfer.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';
import { createStore, useStore } from '../app/create-store.ts';
import type { SortSpec, ValueFilter } from './table-model.ts';

export interface TableState {
  /** Which layer and version of its data `data` holds ("<layerId>:<projectKey>:<featureCount>"). */
  loadedKey: string | null;
  data: LayerAttributes | null;
  loading: boolean;
  error: AtlasErrorData | null;
  sort: SortSpec | null;
  search: string;
  filter: ValueFilter | null;
}

export const initialTableState: TableState = {
  loadedKey: null,
  data: null,
  loading: false,
  error: null,
  sort: null,
  search: '',
  filter: null,
};

/** The attribute table's rows and view settings (the panel's open state and layer live in the app store). */
export const tableStore = createStore<TableState>(initialTableState);

export function useTable<T>(selector: (state: TableState) => T): T {
  return useStore(tableStore, selector);
}
