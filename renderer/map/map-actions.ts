import type { FeatureCollection } from 'geojson';
import { client } from '../api/runtime.ts';
import { showError } from '../app/messages.ts';
import { appStore, type Bbox, type FitPadding } from '../app/state.ts';

/** Asks the map to show a bounding box (keeping `padding` px free, e.g. beside a docked dialog). */
export function requestFit(bbox: Bbox, animate = true, padding?: Partial<FitPadding>): void {
  appStore.set((s) => ({ fit: { bbox, animate, seq: (s.fit?.seq ?? 0) + 1, ...(padding ? { padding } : {}) } }));
}

/** Zooms to the whole project. */
export function zoomAll(): void {
  const bbox = appStore.get().project?.bbox;
  if (bbox) requestFit(bbox);
}

export function zoomToLayer(layerId: string): void {
  const bbox = appStore.get().project?.layers.find((l) => l.id === layerId)?.bbox;
  if (bbox) requestFit(bbox);
}

export function loadLayerGeoJSON(layerId: string): Promise<FeatureCollection> {
  return client().layerGeoJSON({ layerId });
}

export function setCursor(cursor: { lng: number; lat: number } | null): void {
  appStore.set({ cursor });
}

export function setZoom(zoom: number): void {
  appStore.set({ zoom });
}

export function reportMapError(err: unknown): void {
  void showError(err, 'errors.layerLoadFailed');
}
