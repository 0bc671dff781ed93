import type { Geometry } from 'geojson';
import type { GeometryTypeName } from '../../shared/layers/types.ts';

/**
 * GeoPackage geometry type for a generic layer from the types its features have: the one type they
 * share, else GEOMETRY (features are stored as they came, single and multi parts alike).
 */
export function layerGeometryType(types: Set<string>): GeometryTypeName {
  const t = [...types];
  return t.length === 1 && t[0] !== 'GeometryCollection' ? (t[0].toUpperCase() as GeometryTypeName) : 'GEOMETRY';
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
