import type { TableQuery } from '../../shared/api/analysis-runs.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';
import { createStore, useStore } from '../app/create-store.ts';
import type { Cell, RowsPage, SortSpec, ValueFilter } from './table-model.ts';

/** The rows of one layer under one query, as far as they are loaded (pages of PAGE_SIZE rows). */
export interface TableView {
  /** Layer and version of its data ("<layerId>:<projectKey>:<featureCount>"). */
  baseKey: string;
  /** baseKey plus the query: a new key means other rows in another order. */
  key: string;
  layerId: string;
  query: TableQuery;
  /** False until the first page of this layer arrived (columns unknown yet). */
  ready: boolean;
  columns: { key: string; type: string }[];
  /** The first rows read of this layer: column widths stay put while the query changes. */
  samples: Cell[][];
  /** Rows after filtering, and in the layer. */
  total: number;
  layerTotal: number;
  pages: ReadonlyMap<number, RowsPage>;
  /** The previous query's pages, shown until this query's first page arrives (no flash of empty rows). */
  previous: ReadonlyMap<number, RowsPage> | null;
}

export interface FilterValues {
  baseKey: string;
  key: string;
  values: { value: Cell; count: number }[];
  /** Distinct values in the column (more than `values` holds when the column has very many). */
  distinct: number;
}

export interface TableState {
  view: TableView | null;
  error: AtlasErrorData | null;
  sort: SortSpec | null;
  /** The search box as typed … */
  search: string;
  /** … and as sent to the host (a moment later, so typing does not query every keystroke). */
  appliedSearch: string;
  filter: ValueFilter | null;
  filterValues: FilterValues | null;
  /** A row to bring into view (a feature selected on the map); `seq` tells repeated requests apart. */
  scrollTarget: { fid: number; index: number; seq: number } | null;
}

export const initialTableState: TableState = {
  view: null,
  error: null,
  sort: null,
  search: '',
  appliedSearch: '',
  filter: null,
  filterValues: null,
  scrollTarget: null,
};

/** The attribute table's rows and view settings (the panel's open state and layer live in the app store). */
export const tableStore = createStore<TableState>(initialTableState);

export function useTable<T>(selector: (state: TableState) => T): T {
  return useStore(tableStore, selector);
}
