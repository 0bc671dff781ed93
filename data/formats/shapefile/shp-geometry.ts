import type { Geometry, Position } from 'geojson';
import { assemblePolygon } from './rings.ts';

/** Shape type codes of the ESRI spec; Z (+10) and M (+20) variants start with the same X/Y layout. */
export const SHAPE_TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

/** The 2D family of a shape type (0 Null, 1 Point, 3 PolyLine, 5 Polygon, 8 MultiPoint), or null for MultiPatch and unknown codes. */
export function baseShapeType(type: number): number | null {
  if (type === 0) return 0;
  return type !== 31 && type in SHAPE_TYPE_NAMES ? type % 10 : null;
}

/** A record whose bytes do not make a shape; the caller adds the file and record number. */
export class ShapeError extends Error {}

function need(b: Buffer, bytes: number, what: string): void {
  if (b.length < bytes) throw new ShapeError(`is cut short: ${what} needs ${bytes} bytes, the record has ${b.length}`);
}

function positions(b: Buffer, at: number, count: number): Position[] {
  const out: Position[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = [b.readDoubleLE(at + i * 16), b.readDoubleLE(at + i * 16 + 8)];
  return out;
}

/** The parts of a PolyLine or Polygon record as lists of X/Y positions (Z and M arrays after them are skipped). */
function readParts(b: Buffer): Position[][] {
  need(b, 44, 'the part and point counts');
  const numParts = b.readInt32LE(36);
  const numPoints = b.readInt32LE(40);
  if (numParts < 0 || numPoints < 0) throw new ShapeError(`has negative counts (${numParts} parts, ${numPoints} points)`);
  need(b, 44 + 4 * numParts + 16 * numPoints, `${numParts} parts and ${numPoints} points`);
  const pointsAt = 44 + 4 * numParts;
  const parts: Position[][] = [];
  for (let k = 0; k < numParts; k++) {
    const start = b.readInt32LE(44 + 4 * k);
    const end = k + 1 < numParts ? b.readInt32LE(48 + 4 * k) : numPoints;
    if (start < 0 || end < start || end > numPoints) throw new ShapeError(`has part ${k + 1} pointing outside its ${numPoints} points`);
    if (end > start) parts.push(positions(b, pointsAt + 16 * start, end - start));
  }
  return parts;
}

/**
 * The GeoJSON geometry of one .shp record's content (starting at its shape type), in the file's
 * coordinates, 2D: Z and M values are dropped. Null shapes and shapes without points are null.
 * Throws ShapeError when the bytes do not hold what the counts say.
 */
export function parseShape(b: Buffer): Geometry | null {
  need(b, 4, 'the shape type');
  const type = b.readInt32LE(0);
  switch (baseShapeType(type)) {
    case 0:
      return null;
    case 1:
      need(b, 20, 'a point');
      return { type: 'Point', coordinates: [b.readDoubleLE(4), b.readDoubleLE(12)] };
    case 8: {
      need(b, 40, 'the point count');
      const n = b.readInt32LE(36);
      if (n < 0) throw new ShapeError(`has a negative point count (${n})`);
      need(b, 40 + 16 * n, `${n} points`);
      return n === 0 ? null : { type: 'MultiPoint', coordinates: positions(b, 40, n) };
    }
    case 3: {
      const parts = readParts(b);
      if (parts.length === 0) return null;
      return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
    }
    case 5:
      return assemblePolygon(readParts(b));
    default:
      throw new ShapeError(type === 31 ? 'is a MultiPatch (3D surface), which is not read' : `has unknown shape type ${type}`);
  }
}
