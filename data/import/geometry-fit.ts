import type { Geometry } from 'geojson';
import type { GeometryTypeName } from '../../shared/layers/types.ts';

/** GeoPackage geometry type for a generic layer from the types its features have. */
export function layerGeometryType(types: Set<string>): GeometryTypeName {
  const t = [...types];
  if (t.length === 1) return t[0].toUpperCase() as GeometryTypeName;
  const families = new Set(t.map((x) => x.replace(/^Multi/, '')));
  if (families.size === 1) return `MULTI${[...families][0].toUpperCase()}` as GeometryTypeName;
  return 'GEOMETRY';
}

/**
 * The geometry as the layer's type needs it: single parts promoted to Multi* where the layer is
 * Multi*; null when it cannot go there (a point into a polygon layer).
 */
export function fitGeometry(g: Geometry, layerType: GeometryTypeName): Geometry | null {
  const want = layerType.toUpperCase();
  const have = g.type.toUpperCase();
  if (want === 'GEOMETRY' || want === have) return g;
  if (want === `MULTI${have}` && g.type !== 'GeometryCollection') {
    return { type: `Multi${g.type}`, coordinates: [g.coordinates] } as Geometry;
  }
  return null;
}
