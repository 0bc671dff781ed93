import { bbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { appStore, type Bbox } from '../app/state.ts';
import { selectFeature } from '../feature/feature-actions.ts';
import { requestFit } from '../map/map-actions.ts';
import { showError } from '../app/messages.ts';
import { loadedIndexOf, PAGE_SIZE, pagesFor, pagesToEvict, tableQueryOf, type SortSpec, type ValueFilter } from './table-model.ts';
import { initialTableState, tableStore, type FilterValues, type TableView } from './table-store.ts';

/** Room the feature panel takes at the map's right edge, kept free when zooming to a feature. */
const FEATURE_PANEL_ROOM = 340;
export const MIN_TABLE_HEIGHT = 120;

/** Search text waits this long (ms) after the last keystroke before it is sent to the host. */
const SEARCH_DELAY = 200;
/** Pages kept per view (8,000 rows); the farthest from the viewport are forgotten first. */
const MAX_PAGES = 40;

let viewSeq = 0;
let valuesSeq = 0;
let scrollSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
/** Pages being read, as "<view key>#<page>". */
const inflight = new Set<string>();
/** The rows the table shows now [first, end): what a new query loads first (none known before the table is drawn). */
let range: [number, number] = [0, 0];

/** Opens the attribute table on a layer (the layer row's button). */
export function openAttributeTable(layerId: string): void {
  if (appStore.get().tableLayerId !== layerId) {
    clearSearchTimer();
    tableStore.set({ sort: null, search: '', appliedSearch: '', filter: null, filterValues: null, scrollTarget: null });
  }
  appStore.set({ tableOpen: true, tableLayerId: layerId, activeLayerId: layerId });
}

/** The layer the table shows when opened from a menu: the last one, the selected feature's, the active or the top layer. */
function defaultLayer(): string | null {
  const { project, tableLayerId, selection, activeLayerId } = appStore.get();
  const layers = project?.layers ?? [];
  const exists = (id: string | null | undefined): id is string => !!id && layers.some((l) => l.id === id);
  if (exists(tableLayerId)) return tableLayerId;
  if (exists(selection?.layerId)) return selection.layerId;
  if (exists(activeLayerId)) return activeLayerId;
  return [...layers].sort((a, b) => b.order - a.order)[0]?.id ?? null;
}

/** View › Attribute table: shows or hides the panel under the map. */
export function toggleAttributeTable(): void {
  if (appStore.get().tableOpen) return closeAttributeTable();
  const layerId = defaultLayer();
  if (layerId) openAttributeTable(layerId);
  else appStore.set({ tableOpen: true });
}

export function closeAttributeTable(): void {
  appStore.set({ tableOpen: false });
}

function clearSearchTimer(): void {
  if (searchTimer !== null) clearTimeout(searchTimer);
  searchTimer = null;
}

/**
 * Shows a layer's rows under the current sort, search and filter (`baseKey` names the layer and the
 * version of its data): starts a new view unless the table already shows exactly that, and reads the
 * pages in view. A new query on the same layer keeps the columns and the old rows until its first page.
 */
export function loadTable(layerId: string, baseKey: string): void {
  const { sort, appliedSearch, filter, view, error } = tableStore.get();
  const query = tableQueryOf(sort, appliedSearch, filter);
  const key = `${baseKey}|${JSON.stringify(query)}`;
  if (view?.key === key && !error) return;
  viewSeq++;
  const same = view?.baseKey === baseKey && view.ready;
  // Another query starts at its top (the table scrolls there); another layer too.
  range = [0, same ? range[1] - range[0] : 0];
  const next: TableView = same
    ? { ...view, key, query, pages: new Map(), previous: view.pages.size ? view.pages : view.previous }
    : { baseKey, key, layerId, query, ready: false, columns: [], samples: [], total: 0, layerTotal: 0, pages: new Map(), previous: null };
  tableStore.set({ view: next, error: null });
  requestRows(range[0], range[1]);
}

/** The table scrolled: reads the pages of rows [first, end) (and a margin) that are not loaded yet. */
export function requestRows(first: number, end: number): void {
  range = [first, end];
  const view = tableStore.get().view;
  if (!view) return;
  const pages = pagesFor(first, end, view.total);
  // Until this query's first page arrives its total is unknown (the one shown is the last query's).
  if (view.pages.size === 0 && pages.length === 0) pages.push(Math.floor(first / PAGE_SIZE));
  for (const page of pages) if (!view.pages.has(page)) void readPage(view, page);
}

async function readPage(view: TableView, page: number): Promise<void> {
  const id = `${view.key}#${page}`;
  if (inflight.has(id)) return;
  inflight.add(id);
  const seq = viewSeq;
  try {
    const res = await client().layerRows({ layerId: view.layerId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, query: view.query });
    const current = tableStore.get().view;
    if (!current || current.key !== view.key) return;
    const pages = new Map(current.pages);
    pages.set(page, { fids: res.fids, rows: res.rows });
    for (const p of pagesToEvict(pages.keys(), Math.floor(range[0] / PAGE_SIZE), MAX_PAGES)) pages.delete(p);
    const samples = current.samples.length || !res.rows.length ? current.samples : res.rows.slice(0, PAGE_SIZE);
    const { columns, total, layerTotal } = res;
    tableStore.set({ view: { ...current, ready: true, columns, samples, total, layerTotal, pages, previous: null }, error: null });
    // A page past the end of a shorter result: the rows in view now are others.
    if (!current.ready || total !== current.total) requestRows(range[0], range[1]);
  } catch (err) {
    const e = toAtlasError(err);
    if (seq === viewSeq) tableStore.set({ error: { code: e.code, message: e.message, params: e.params } });
  } finally {
    inflight.delete(id);
  }
}

/** Forgets the rows (another project was opened). */
export function resetTable(): void {
  viewSeq++;
  valuesSeq++;
  clearSearchTimer();
  range = [0, 0];
  tableStore.set(initialTableState);
}

/**
 * A feature was selected (on the map or in the table): asks the table to bring its row into view —
 * found among the loaded pages, or asked of the host under the table's query.
 */
export async function revealRow(fid: number): Promise<void> {
  const view = tableStore.get().view;
  if (!view?.ready) return;
  let index = loadedIndexOf(view.pages, fid);
  if (index === null) {
    try {
      index = (await client().layerRowIndex({ layerId: view.layerId, fid, query: view.query })).index;
    } catch {
      return; // the row stays where it is; the selection itself worked
    }
  }
  if (index === null || tableStore.get().view?.key !== view.key) return;
  tableStore.set({ scrollTarget: { fid, index, seq: ++scrollSeq } });
}

/** Clicking a header: ascending, then descending, then unsorted. */
export function toggleSort(key: string): void {
  const sort = tableStore.get().sort;
  let next: SortSpec | null = { key, dir: 'asc' };
  if (sort?.key === key) next = sort.dir === 'asc' ? { key, dir: 'desc' } : null;
  tableStore.set({ sort: next });
}

/** The search box changed: shown at once, sent to the host once typing pauses. */
export function setTableSearch(search: string): void {
  tableStore.set({ search });
  clearSearchTimer();
  searchTimer = setTimeout(() => {
    searchTimer = null;
    tableStore.set({ appliedSearch: tableStore.get().search });
  }, SEARCH_DELAY);
}

export function setTableFilter(filter: ValueFilter | null): void {
  tableStore.set({ filter });
}

/** Reads a column's distinct values (with counts, most frequent first) for the value filter. */
export async function loadFilterValues(layerId: string, baseKey: string, key: string): Promise<FilterValues | null> {
  const seq = ++valuesSeq;
  try {
    const res = await client().layerColumnValues({ layerId, key });
    if (seq !== valuesSeq) return null;
    const values: FilterValues = { baseKey, key, values: res.values, distinct: res.distinct };
    tableStore.set({ filterValues: values });
    return values;
  } catch (err) {
    if (seq === valuesSeq) await showError(err, 'table.loadFailed');
    return null;
  }
}

/** A column picked for the value filter: filters by its most frequent value (the picker then offers the others). */
export async function pickFilterColumn(layerId: string, baseKey: string, key: string): Promise<void> {
  if (!key) {
    valuesSeq++;
    return setTableFilter(null);
  }
  const values = await loadFilterValues(layerId, baseKey, key);
  if (values) setTableFilter({ key, value: values.values[0]?.value ?? null });
}

export function setTableLayer(layerId: string): void {
  openAttributeTable(layerId);
}

export function setTableHeight(height: number): void {
  const max = Math.max(MIN_TABLE_HEIGHT, Math.round(window.innerHeight * 0.7));
  appStore.set({ tableHeight: Math.round(Math.min(max, Math.max(MIN_TABLE_HEIGHT, height))) });
}

function geometryBbox(geometry: Geometry): Bbox | null {
  const [minX, minY, maxX, maxY] = bbox(geometry);
  return [minX, minY, maxX, maxY].every(Number.isFinite) ? [minX, minY, maxX, maxY] : null;
}

/** A row clicked: the feature becomes the selection (as a map click would) and the map zooms to it. */
export async function selectRow(layerId: string, fid: number): Promise<void> {
  await selectFeature({ layerId, fid });
  const { feature, selection } = appStore.get();
  if (!feature || selection?.fid !== fid || selection.layerId !== layerId || !feature.geometry) return;
  const box = geometryBbox(feature.geometry);
  if (box) requestFit(box, true, { right: FEATURE_PANEL_ROOM });
}
