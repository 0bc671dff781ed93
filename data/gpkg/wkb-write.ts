import type { Geometry, Position } from 'geojson';
import { AtlasError } from '../../shared/api/errors.ts';
import type { FlatGeometry } from '../formats/types.ts';

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

// The writers below are plain functions over a module-level cursor: no closures per geometry (under
// tsx every closure also costs a name-keeping call), since imports encode millions of geometries.
let wbuf: Buffer = Buffer.alloc(0);
let wo = 0;

function header(code: number): void {
  wbuf[wo] = 1;
  wbuf.writeUInt32LE(code, wo + 1);
  wo += 5;
}

function count(n: number): void {
  wbuf.writeUInt32LE(n, wo);
  wo += 4;
}

function point(p: Position): void {
  wbuf.writeDoubleLE(p[0], wo);
  wbuf.writeDoubleLE(p[1], wo + 8);
  wo += 16;
}

function points(ps: Position[]): void {
  count(ps.length);
  for (let i = 0; i < ps.length; i++) point(ps[i]);
}

function rings(rs: Position[][]): void {
  count(rs.length);
  for (let i = 0; i < rs.length; i++) points(rs[i]);
}

/**
 * Writes 2D little-endian ISO WKB (Z/M dropped) into `buf` at `offset`; returns the offset after it.
 * Hand-written rather than through wkx because imports encode millions of geometries.
 */
function writeGeometry(g: Geometry, buf: Buffer, offset: number): number {
  wbuf = buf;
  wo = offset;
  header(TYPE_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      if (g.coordinates.length < 2) {
        buf.writeDoubleLE(NaN, wo);
        buf.writeDoubleLE(NaN, wo + 8);
        wo += 16;
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
    case 'GeometryCollection': {
      count(g.geometries.length);
      let o = wo;
      for (const part of g.geometries) o = writeGeometry(part, buf, o);
      wo = o;
      break;
    }
  }
  const end = wo;
  wbuf = EMPTY;
  return end;
}

const EMPTY = Buffer.alloc(0);

/** A geometry as 2D little-endian ISO WKB, written after `headerBytes` reserved bytes. */
export function toWkb(g: Geometry, headerBytes = 0): Buffer {
  const buf = Buffer.allocUnsafe(headerBytes + wkbSize(g));
  writeGeometry(g, buf, headerBytes);
  return buf;
}

/** Bytes of the 2D little-endian WKB of a flat geometry (see FlatGeometry). */
export function flatWkbSize(g: FlatGeometry): number {
  const c = g.counts;
  let i = g.start;
  switch (g.type) {
    case 1:
      return 21;
    case 2:
      return 9 + 16 * c[i];
    case 4:
      return 9 + 21 * c[i];
    case 3:
    case 5: {
      const parts = c[i++];
      let n = 9;
      for (let k = 0; k < parts; k++) n += (g.type === 3 ? 4 : 9) + 16 * c[i++];
      return n;
    }
    case 6: {
      const polys = c[i++];
      let n = 9;
      for (let k = 0; k < polys; k++) {
        const rs = c[i++];
        n += 9;
        for (let r = 0; r < rs; r++) n += 4 + 16 * c[i++];
      }
      return n;
    }
    default:
      throw new AtlasError('invalid_argument', `Unknown flat geometry type ${g.type}`);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Copies `n` positions from position `from` of the flat coordinates into the WKB being written. */
function flatPoints(g: FlatGeometry, from: number, n: number): void {
  if (LITTLE_ENDIAN) {
    // The positions are already the bytes WKB wants, in a row: one copy.
    const bytes = new Uint8Array(g.xy.buffer, g.xy.byteOffset + from * 16, n * 16);
    wbuf.set(bytes, wo);
    wo += n * 16;
    return;
  }
  const xy = g.xy;
  for (let k = from * 2, end = (from + n) * 2; k < end; k += 2) {
    wbuf.writeDoubleLE(xy[k], wo);
    wbuf.writeDoubleLE(xy[k + 1], wo + 8);
    wo += 16;
  }
}

/** Writes the 2D little-endian ISO WKB of a flat geometry into `buf` at `offset`; returns the offset after it. */
export function writeFlatWkb(g: FlatGeometry, buf: Buffer, offset: number): number {
  wbuf = buf;
  wo = offset;
  const c = g.counts;
  let i = g.start;
  let at = 0;
  header(g.type);
  switch (g.type) {
    case 1:
      flatPoints(g, 0, 1);
      break;
    case 2:
      count(c[i]);
      flatPoints(g, 0, c[i]);
      break;
    case 4: {
      const n = c[i];
      count(n);
      for (let k = 0; k < n; k++) {
        header(1);
        flatPoints(g, k, 1);
      }
      break;
    }
    case 3:
    case 5: {
      const parts = c[i++];
      count(parts);
      for (let k = 0; k < parts; k++) {
        const n = c[i++];
        if (g.type === 5) header(2);
        count(n);
        flatPoints(g, at, n);
        at += n;
      }
      break;
    }
    case 6: {
      const polys = c[i++];
      count(polys);
      for (let k = 0; k < polys; k++) {
        header(3);
        const rs = c[i++];
        count(rs);
        for (let r = 0; r < rs; r++) {
          const n = c[i++];
          count(n);
          flatPoints(g, at, n);
          at += n;
        }
      }
      break;
    }
  }
  const end = wo;
  wbuf = EMPTY;
  return end;
}
