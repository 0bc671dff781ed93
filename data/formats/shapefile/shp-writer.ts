import type { Geometry, Position } from 'geojson';
import { closeRing, orient } from './rings.ts';

/** The geometry families a shapefile can hold, one per file; 'none' for a file of null shapes only. */
export type ShapeGroup = 'point' | 'line' | 'polygon' | 'none';

/** The group a (non-collection) geometry is written in. */
export function groupOf(g: Exclude<Geometry, { type: 'GeometryCollection' }>): Exclude<ShapeGroup, 'none'> {
  if (g.type === 'Point' || g.type === 'MultiPoint') return 'point';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'line';
  return 'polygon';
}

type Bbox = [number, number, number, number];

function extend(b: Bbox, points: Position[]): Bbox {
  for (const [x, y] of points) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/** Point lists of a shape: the points of a (Multi)Point, the parts of a line, the rings of a polygon. */
function partsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return [g.coordinates];
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((ring, i) => orient(closeRing(ring), i > 0)); // shapefile: outer clockwise, holes counter-clockwise
    case 'MultiPolygon':
      return g.coordinates.flatMap((poly) => poly.map((ring, i) => orient(closeRing(ring), i > 0)));
    default:
      return [];
  }
}

/** Bytes of a record's content: 4 for a Null shape, 20 for a Point, else header, part indexes and points. */
function contentLength(shapeType: number, parts: Position[][], points: number): number {
  if (points === 0) return 4;
  if (shapeType === 1) return 20;
  return (shapeType === 8 ? 40 : 44 + 4 * parts.length) + 16 * points;
}

/** Writes one record's content (little-endian, as the spec says) at `at`. */
function writeRecord(b: Buffer, at: number, shapeType: number, parts: Position[][], points: number): void {
  if (points === 0) return; // Null shape: type 0, and the buffer is zero-filled
  b.writeInt32LE(shapeType, at);
  if (shapeType === 1) {
    b.writeDoubleLE(parts[0][0][0], at + 4);
    b.writeDoubleLE(parts[0][0][1], at + 12);
    return;
  }
  const box = parts.reduce<Bbox>((acc, p) => extend(acc, p), [Infinity, Infinity, -Infinity, -Infinity]);
  box.forEach((v, i) => b.writeDoubleLE(v, at + 4 + 8 * i));
  let p = at + 40;
  if (shapeType === 8) b.writeInt32LE(points, at + 36);
  else {
    b.writeInt32LE(parts.length, at + 36);
    b.writeInt32LE(points, at + 40);
    p = at + 44;
    let start = 0;
    for (const part of parts) {
      b.writeInt32LE(start, p);
      start += part.length;
      p += 4;
    }
  }
  for (const part of parts) {
    for (const [x, y] of part) {
      b.writeDoubleLE(x, p);
      b.writeDoubleLE(y, p + 8);
      p += 16;
    }
  }
}

function mainHeader(b: Buffer, shapeType: number, lengthBytes: number, bbox: Bbox): void {
  b.writeInt32BE(9994, 0);
  b.writeInt32BE(lengthBytes / 2, 24);
  b.writeInt32LE(1000, 28);
  b.writeInt32LE(shapeType, 32);
  bbox.forEach((v, i) => b.writeDoubleLE(v, 36 + 8 * i));
}

/**
 * The .shp and .shx bytes of one shapefile holding `geometries` (2D; Z dropped): Point, or
 * MultiPoint when any feature has several points; PolyLine; Polygon with outer rings clockwise and
 * holes counter-clockwise; null geometries as Null shapes.
 */
export function encodeShapes(group: ShapeGroup, geometries: (Geometry | null)[]): { shp: Buffer; shx: Buffer } {
  const shapeType = { none: 0, line: 3, polygon: 5, point: geometries.every((g) => !g || g.type === 'Point') ? 1 : 8 }[group];
  const records = geometries.map((g) => {
    const parts = g ? partsOf(g).filter((p) => p.length > 0) : [];
    const points = parts.reduce((n, p) => n + p.length, 0);
    return { parts, points, length: contentLength(shapeType, parts, points) };
  });
  const bbox = records.reduce<Bbox>((b, r) => r.parts.reduce(extend, b), [Infinity, Infinity, -Infinity, -Infinity]);
  const box: Bbox = Number.isFinite(bbox[0]) ? bbox : [0, 0, 0, 0];
  const shp = Buffer.alloc(records.reduce((n, r) => n + 8 + r.length, 100));
  const shx = Buffer.alloc(100 + 8 * records.length);
  mainHeader(shp, shapeType, shp.length, box);
  mainHeader(shx, shapeType, shx.length, box);
  let offset = 100;
  records.forEach((r, i) => {
    shp.writeInt32BE(i + 1, offset);
    shp.writeInt32BE(r.length / 2, offset + 4);
    shx.writeInt32BE(offset / 2, 100 + 8 * i);
    shx.writeInt32BE(r.length / 2, 104 + 8 * i);
    writeRecord(shp, offset + 8, shapeType, r.parts, r.points);
    offset += 8 + r.length;
  });
  return { shp, shx };
}
