import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { uncoveredParts } from './geometry/local-overlay.ts';
import { toGeoJSON } from './geometry/shapes.ts';
import { assertCollection, type Catchment } from './catchment.ts';
import { numberField, overlayPlane, PieceLookup, residentialShapes, resolvePopulationField } from './residential.ts';
import { progressReporter, type RunControl } from './run-control.ts';

export interface BlindSpotOptions extends RunControl {
  /** Population field (人口 or 户数); default: 人口 if present, else 户数; null for none. */
  populationField?: string | null;
  /** Field naming a residential area (default 小区). */
  nameField?: string;
  /** Leave out uncovered parts smaller than this in total per area (m²); default 1. */
  minArea?: number;
}

export interface BlindSpotProperties {
  /** 1 for the blind spot affecting the most residents (or, without population, the largest). */
  rank: number;
  /** Index of the residential feature in the input. */
  index: number;
  name: string | null;
  /** Uncovered area (m²) and its share of the residential area. */
  area: number;
  uncoveredFraction: number;
  population: number | null;
  /** Residents affected: population × uncovered fraction (residents taken as evenly spread). */
  affected: number | null;
}

/**
 * The uncovered parts of residential land, one feature per residential area that has any, ranked by
 * residents affected (then by area). Each area is overlaid only with the catchment pieces near it
 * (difference by slab sweep), so partly covered areas get their exact uncovered polygons.
 */
export function blindSpots(residential: FeatureCollection, catchment: Catchment, options: BlindSpotOptions = {}): FeatureCollection<MultiPolygon, BlindSpotProperties> {
  assertCollection(residential, 'blindSpots: residential');
  if (!catchment?.plane || !Array.isArray(catchment.pieces)) throw new TypeError('blindSpots: catchment must come from catchmentStraight or catchmentNetwork');
  const minArea = options.minArea ?? 1;
  if (!(minArea >= 0)) throw new RangeError(`blindSpots: minArea must be ≥ 0 m², got ${minArea}`);
  const popField = resolvePopulationField(residential, options.populationField);
  const nameField = options.nameField ?? '小区';
  const lookup = new PieceLookup(catchment.pieces);
  const plane = overlayPlane(catchment, residential);
  const shapes = residentialShapes(residential, plane);
  const step = progressReporter(options, shapes.length);
  const spots: Feature<MultiPolygon, BlindSpotProperties>[] = [];
  shapes.forEach((shape, i) => {
    step(i);
    if (!shape) return;
    const { area, polygons } = uncoveredParts(shape, lookup.near(shape));
    if (area < minArea || polygons.length === 0) return;
    const props = residential.features[i].properties;
    const population = popField ? numberField(props, popField) : null;
    const fraction = Math.min(1, area / shape.area);
    const name = props?.[nameField];
    spots.push({
      type: 'Feature',
      properties: {
        rank: 0, index: i, name: name === undefined || name === null ? null : String(name),
        area, uncoveredFraction: fraction, population, affected: population === null ? null : population * fraction,
      },
      geometry: toGeoJSON(polygons, plane),
    });
  });
  step(shapes.length);
  spots.sort((a, b) => (b.properties.affected ?? 0) - (a.properties.affected ?? 0) || b.properties.area - a.properties.area || a.properties.index - b.properties.index);
  spots.forEach((s, k) => { s.properties.rank = k + 1; });
  return { type: 'FeatureCollection', features: spots };
}
