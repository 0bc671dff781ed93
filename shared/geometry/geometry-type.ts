import type { Geometry } from 'geojson';
import type { GeometryTypeName } from '../layers/types.ts';

const NAMES: Record<string, GeometryTypeName> = {
  Point: 'POINT',
  MultiPoint: 'MULTIPOINT',
  LineString: 'LINESTRING',
  MultiLineString: 'MULTILINESTRING',
  Polygon: 'POLYGON',
  MultiPolygon: 'MULTIPOLYGON',
  GeometryCollection: 'GEOMETRY',
};

/**
 * The GeoPackage geometry type name of a GeoJSON geometry ('POLYGON', …; 'GEOMETRY' for a
 * GeometryCollection or an unknown type), or null for a null geometry.
 */
export function geometryTypeName(geometry: Geometry | null): GeometryTypeName | null {
  if (geometry === null || geometry === undefined) return null;
  return NAMES[(geometry as { type?: unknown }).type as string] ?? 'GEOMETRY';
}
