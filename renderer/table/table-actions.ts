import { bbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { appStore, type Bbox } from '../app/state.ts';
import { selectFeature } from '../feature/feature-actions.ts';
import { requestFit } from '../map/map-actions.ts';
import type { SortSpec, ValueFilter } from './table-model.ts';
import { initialTableState, tableStore } from './table-store.ts';

/** Room the feature panel takes at the map's right edge, kept free when zooming to a feature. */
const FEATURE_PANEL_ROOM = 340;
export const MIN_TABLE_HEIGHT = 120;

let loadSeq = 0;

/** Opens the attribute table on a layer (the layer row's button). */
export function openAttributeTable(layerId: string): void {
  if (appStore.get().tableLayerId !== layerId) tableStore.set({ sort: null, search: '', filter: null });
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

/** Reads a layer's rows unless the table already holds that version of them. */
export async function loadTable(layerId: string, key: string): Promise<void> {
  if (tableStore.get().loadedKey === key && !tableStore.get().error) return;
  const seq = ++loadSeq;
  tableStore.set({ loading: true, error: null });
  try {
    const data = await client().layerAttributes({ layerId });
    if (seq === loadSeq) tableStore.set({ data, loadedKey: key, loading: false });
  } catch (err) {
    const e = toAtlasError(err);
    if (seq === loadSeq) tableStore.set({ data: null, loadedKey: key, loading: false, error: { code: e.code, message: e.message, params: e.params } });
  }
}

/** Forgets the rows (another project was opened). */
export function resetTable(): void {
  loadSeq++;
  tableStore.set(initialTableState);
}

/** Clicking a header: ascending, then descending, then unsorted. */
export function toggleSort(key: string): void {
  const sort = tableStore.get().sort;
  let next: SortSpec | null = { key, dir: 'asc' };
  if (sort?.key === key) next = sort.dir === 'asc' ? { key, dir: 'desc' } : null;
  tableStore.set({ sort: next });
}

export function setTableSearch(search: string): void {
  tableStore.set({ search });
}

export function setTableFilter(filter: ValueFilter | null): void {
  tableStore.set({ filter });
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
