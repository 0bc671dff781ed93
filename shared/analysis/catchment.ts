import type { Feature, FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { createPlane, type Plane } from './geometry/plane.ts';
import type { Shape } from './geometry/shapes.ts';
import type { NetworkReach } from './network-reach.ts';

/** One piece of a catchment: a polygon in the plane and the facility it belongs to. */
export interface CatchmentPiece extends Shape {
  /** Index of the facility in the input collection; -1 when one walk served all facilities together. */
  facility: number;
}

/**
 * A catchment as the straight-line and walking analyses return it: pieces whose union is the area
 * within reach, never merged (coverage and blind spots read the union locally, `catchment-polygons.ts`
 * draws it). Every piece belongs to one facility, so one facility's catchment is its pieces.
 */
export interface Catchment {
  mode: 'straight' | 'walk';
  plane: Plane;
  pieces: CatchmentPiece[];
  /** Number of facilities in the input (reached or not). */
  facilityCount: number;
  /** Input indexes of facilities that produced nothing (no geometry, no distance, or off the network). */
  skipped: number[];
  /** A combined walking catchment: what the walk reached, to judge point targets by (`network-reach.ts`). */
  reach?: NetworkReach;
}

/** A facility's reach in metres: one distance for all, or per feature (null leaves the feature out). */
export type DistanceOption = number | ((feature: Feature, index: number) => number | null);

/** Checks a distance option at the top of an analysis. */
export function checkDistance(option: unknown, who: string): asserts option is DistanceOption {
  if (typeof option === 'function') return;
  if (typeof option !== 'number' || !Number.isFinite(option) || option < 0) {
    throw new TypeError(`${who}: options.distance must be a distance in metres (≥ 0) or a function of the feature, got ${String(option)}`);
  }
}

export function distanceOf(option: DistanceOption, feature: Feature, index: number): number | null {
  const d = typeof option === 'number' ? option : option(feature, index);
  return d !== null && Number.isFinite(d) && d >= 0 ? d : null;
}

/** A plane centred on the bounding box of the given layers (the first non-empty ones count). */
export function planeFor(...layers: FeatureCollection[]): Plane {
  let box: number[] | null = null;
  for (const layer of layers) {
    if (!layer.features.some((f) => f.geometry)) continue;
    const b = bbox(layer);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box ? createPlane((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) : createPlane(0, 0);
}

/** Checks that `value` is a GeoJSON FeatureCollection, naming the argument in the error. */
export function assertCollection(value: unknown, what: string): asserts value is FeatureCollection {
  const fc = value as FeatureCollection | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new TypeError(`${what} must be a GeoJSON FeatureCollection`);
  }
}
