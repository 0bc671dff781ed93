import type { Geometry, Position } from 'geojson';
import wkx from 'wkx';

function trim2d(c: unknown): unknown {
  if (!Array.isArray(c)) return c;
  return typeof c[0] === 'number' ? [c[0], c[1]] : c.map(trim2d);
}

function to2d(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: g.geometries.map(to2d) };
  return { ...g, coordinates: trim2d(g.coordinates) as Position } as Geometry;
}

function isEmpty(g: Geometry): boolean {
  if (g.type === 'GeometryCollection') return g.geometries.every(isEmpty);
  return (g.coordinates as unknown[]).length === 0;
}

/** A 2D copy of a geometry (Z and M dropped), or null when it has no coordinates. */
export function plainGeometry(g: Geometry): Geometry | null {
  return isEmpty(g) ? null : to2d(g);
}

/**
 * A WKT (or EWKT, "SRID=4326;POINT(…)") text as 2D GeoJSON: POINT, LINESTRING, POLYGON, their MULTI
 * forms and GEOMETRYCOLLECTION, any letter case, Z/M dropped. Empty, EMPTY or unreadable text → null.
 */
export function parseWktGeometry(text: string | undefined): Geometry | null {
  const t = text?.trim();
  if (!t) return null;
  try {
    return plainGeometry(wkx.Geometry.parse(t.toUpperCase()).toGeoJSON() as Geometry);
  } catch {
    return null;
  }
}

/** WKT of a GeoJSON geometry ("POINT(120.75 30.76)"), full double precision. */
export function toWkt(g: Geometry): string {
  return wkx.Geometry.parseGeoJSON(g).toWkt();
}
