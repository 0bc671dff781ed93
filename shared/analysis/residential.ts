import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GridIndex } from './geometry/grid-index.ts';
import { pointInShape, shapeFromGeometry, type Shape } from './geometry/shapes.ts';
import type { Plane } from './geometry/plane.ts';
import { planeFor, type Catchment, type CatchmentPiece } from './catchment.ts';

/** Population fields of the residential_area kind, in the order they are looked for. */
export const POPULATION_FIELDS = ['人口', '户数'] as const;

/** A finite, non-negative number from a field (strings such as "1200" count), else null. */
export function numberField(properties: Record<string, unknown> | null, field: string): number | null {
  const v = properties?.[field];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * The population field to use: the one asked for (null for none), else 人口 when any feature has it,
 * else 户数, else none.
 */
export function resolvePopulationField(residential: FeatureCollection, asked: string | null | undefined): string | null {
  if (asked !== undefined) return asked;
  return POPULATION_FIELDS.find((f) => residential.features.some((x) => numberField(x.properties, f) !== null)) ?? null;
}

/** Residential features as shapes in the catchment's plane (null for features without an area). */
export function residentialShapes(residential: FeatureCollection, plane: Plane): (Shape | null)[] {
  return residential.features.map((f: Feature) => {
    const g = f.geometry;
    return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? shapeFromGeometry(g as Polygon | MultiPolygon, plane) : null;
  });
}

/** A spatial index over catchment pieces, and the pieces whose boxes meet a shape's box. */
export class PieceLookup {
  private readonly index: GridIndex;
  constructor(readonly pieces: readonly CatchmentPiece[]) {
    this.index = new GridIndex(pieces.map((p) => p.bbox));
  }
  near(shape: Shape): CatchmentPiece[] {
    const b = shape.bbox;
    return this.index.search(b[0], b[1], b[2], b[3]).map((i) => this.pieces[i]);
  }
  /** True when the point lies in some piece. */
  covers(x: number, y: number): boolean {
    return this.index.search(x, y, x, y).some((i) => pointInShape(this.pieces[i], x, y));
  }
}

/**
 * The plane to overlay residential areas with a catchment in: the catchment's, unless it has no pieces
 * (every facility filtered out), when a plane centred on the facilities that are not there would
 * distort the areas; then one centred on the residential areas.
 */
export function overlayPlane(catchment: Catchment, residential: FeatureCollection): Plane {
  return catchment.pieces.length > 0 ? catchment.plane : planeFor(residential);
}
