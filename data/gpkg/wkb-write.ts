import type { Geometry, Position } from 'geojson';
import { AtlasError } from '../../shared/api/errors.ts';

const TYPE_CODES: Record<string, number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

/** Bytes of the 2D little-endian WKB of a geometry. */
function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 5 + 16;
    case 'LineString':
    case 'MultiPoint':
      return 9 + (g.type === 'MultiPoint' ? 21 : 16) * g.coordinates.length;
    case 'Polygon':
      return 9 + g.coordinates.reduce((n, ring) => n + 4 + 16 * ring.length, 0);
    case 'MultiLineString':
      return 9 + g.coordinates.reduce((n, line) => n + 9 + 16 * line.length, 0);
    case 'MultiPolygon':
      return 9 + g.coordinates.reduce((n, poly) => n + 9 + poly.reduce((m, ring) => m + 4 + 16 * ring.length, 0), 0);
    case 'GeometryCollection':
      return 9 + g.geometries.reduce((n, part) => n + wkbSize(part), 0);
    default:
      throw new AtlasError('invalid_argument', `Unknown geometry type ${(g as { type: string }).type}`);
  }
}

/**
 * Writes 2D little-endian ISO WKB (Z/M dropped) into `buf` at `offset`; returns the offset after it.
 * Hand-written rather than through wkx because imports encode millions of geometries.
 */
function writeGeometry(g: Geometry, buf: Buffer, offset: number): number {
  let o = offset;
  const header = (code: number) => {
    buf[o] = 1;
    buf.writeUInt32LE(code, o + 1);
    o += 5;
  };
  const count = (n: number) => {
    buf.writeUInt32LE(n, o);
    o += 4;
  };
  const point = (p: Position) => {
    buf.writeDoubleLE(p[0], o);
    buf.writeDoubleLE(p[1], o + 8);
    o += 16;
  };
  const points = (ps: Position[]) => {
    count(ps.length);
    for (const p of ps) point(p);
  };
  const rings = (rs: Position[][]) => {
    count(rs.length);
    for (const r of rs) points(r);
  };
  header(TYPE_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      if (g.coordinates.length < 2) {
        buf.writeDoubleLE(NaN, o);
        buf.writeDoubleLE(NaN, o + 8);
        o += 16;
      } else point(g.coordinates);
      break;
    case 'LineString':
      points(g.coordinates);
      break;
    case 'Polygon':
      rings(g.coordinates);
      break;
    case 'MultiPoint':
      count(g.coordinates.length);
      for (const p of g.coordinates) {
        header(1);
        point(p);
      }
      break;
    case 'MultiLineString':
      count(g.coordinates.length);
      for (const line of g.coordinates) {
        header(2);
        points(line);
      }
      break;
    case 'MultiPolygon':
      count(g.coordinates.length);
      for (const poly of g.coordinates) {
        header(3);
        rings(poly);
      }
      break;
    case 'GeometryCollection':
      count(g.geometries.length);
      for (const part of g.geometries) o = writeGeometry(part, buf, o);
      break;
  }
  return o;
}

/** A geometry as 2D little-endian ISO WKB, written after `headerBytes` reserved bytes. */
export function toWkb(g: Geometry, headerBytes = 0): Buffer {
  const buf = Buffer.allocUnsafe(headerBytes + wkbSize(g));
  writeGeometry(g, buf, headerBytes);
  return buf;
}
