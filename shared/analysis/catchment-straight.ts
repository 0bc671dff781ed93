import type { FeatureCollection } from 'geojson';
import { geometryPieces } from './geometry/buffer-pieces.ts';
import type { Plane } from './geometry/plane.ts';
import { assertCollection, checkDistance, distanceOf, planeFor, type Catchment, type CatchmentPiece, type DistanceOption } from './catchment.ts';
import { progressReporter, type RunControl } from './run-control.ts';

export interface StraightCatchmentOptions extends RunControl {
  /** Reach in metres: one for all, or per feature (e.g. `distanceByArea(preset.tiers)`). */
  distance: DistanceOption;
  /** Segments per quarter circle (GEOS's quadsegs); 8 as GEOS, PostGIS and Turf. */
  quadrantSegments?: number;
  /** The plane to measure in; by default one centred on the facilities. */
  plane?: Plane;
}

/**
 * Straight-line catchment of facilities (points, lines, polygons, and their multi forms): the buffer of
 * each feature by its distance, as pieces in a local plane (see `geometry/buffer-pieces.ts`). Nothing is
 * unioned here; a global union of thousands of buffers is the slow path (turf #2092, #2851) and the
 * coverage figure does not need it.
 */
export function catchmentStraight(facilities: FeatureCollection, options: StraightCatchmentOptions): Catchment {
  assertCollection(facilities, 'catchmentStraight: facilities');
  checkDistance(options?.distance, 'catchmentStraight');
  const q = options.quadrantSegments ?? 8;
  if (!Number.isInteger(q) || q < 1 || q > 90) throw new RangeError(`catchmentStraight: quadrantSegments must be an integer 1–90, got ${q}`);
  const plane = options.plane ?? planeFor(facilities);
  const step = progressReporter(options, facilities.features.length);
  const pieces: CatchmentPiece[] = [];
  const skipped: number[] = [];
  facilities.features.forEach((feature, i) => {
    step(i);
    const d = distanceOf(options.distance, feature, i);
    const made = feature.geometry && d !== null ? geometryPieces(feature.geometry, plane, d, q) : [];
    if (made.length === 0) skipped.push(i);
    for (const p of made) pieces.push(Object.assign(p, { facility: i }));
  });
  step(facilities.features.length);
  return { mode: 'straight', plane, pieces, facilityCount: facilities.features.length, skipped };
}
