import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { AnalysisLayers } from '../../shared/analysis/request.ts';
import type { Bbox } from '../app/state.ts';
import { requestFit } from '../map/map-actions.ts';
import { analysisStore, type ShownRun } from './analysis-store.ts';

/** The box around some features, or null when they have no coordinates. */
export function featuresBbox(features: readonly Feature[]): Bbox | null {
  const withGeometry = features.filter((f) => f.geometry);
  if (withGeometry.length === 0) return null;
  const [minX, minY, maxX, maxY] = bbox({ type: 'FeatureCollection', features: withGeometry } as FeatureCollection);
  return [minX, minY, maxX, maxY].every(Number.isFinite) ? [minX, minY, maxX, maxY] : null;
}

/** The box around a run's map layers: catchments, blind spots and suggested sites. */
export function resultsBbox(layers: Partial<AnalysisLayers>): Bbox | null {
  const all = [layers.catchment, layers.catchmentBefore, layers.blindSpots, layers.sites].flatMap((fc) => fc?.features ?? []);
  return featuresBbox(all);
}

/** Moves the map to a run's results. */
export function zoomToResults(layers: Partial<AnalysisLayers> | undefined = analysisStore.get().shown?.layers): void {
  const box = layers ? resultsBbox(layers) : null;
  if (box) requestFit(box);
}

/** A blind spot or a suggested site picked in the card: outlined on the map, which zooms to it. */
export function focusResult(layer: 'blindSpots' | 'sites', rank: number): void {
  const feature = analysisStore.get().shown?.layers[layer]?.features.find((f) => f.properties?.rank === rank);
  analysisStore.set({ focus: { layer, rank } });
  const box = feature ? featuresBbox([feature]) : null;
  if (!box) return;
  // A site is a point: show some of its surroundings (about 600 m).
  const pad = box[0] === box[2] && box[1] === box[3] ? 0.003 : 0;
  requestFit([box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad]);
}

/** Shows a run's card and map layers. */
export function showRun(shown: ShownRun): void {
  analysisStore.set({ shown, focus: null, tab: 'result' });
}

/** "Clear results": the card and the map layers go; saved runs stay saved. */
export function clearResults(): void {
  analysisStore.set({ shown: null, focus: null });
}
