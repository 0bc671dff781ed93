import { AtlasError } from '../../shared/api/errors.ts';
import { readHeader } from './geometry-blob.ts';

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

/**
 * Writes the GeoJSON text of a GeoPackage geometry blob straight from its WKB, without building
 * objects: the fast path for sending whole layers to the map. Z/M are dropped; empty gives "null".
 */
export function blobToGeoJSONText(blob: Uint8Array | null): string {
  if (!blob) return 'null';
  const header = readHeader(blob);
  if (header.empty) return 'null';
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const reader = { view, pos: header.wkbOffset };
  return readGeometry(reader);
}

interface Reader {
  view: DataView;
  pos: number;
}

function readGeometry(r: Reader): string {
  const little = r.view.getUint8(r.pos) === 1;
  let code = r.view.getUint32(r.pos + 1, little);
  r.pos += 5;
  // EWKB flags (PostGIS style) and ISO codes (1000s for Z, 2000s for M, 3000s for ZM).
  let dims = 2;
  if (code & 0x80000000) dims++;
  if (code & 0x40000000) dims++;
  if (code & 0x20000000) r.pos += 4;
  code &= 0x0fffffff;
  const iso = Math.floor(code / 1000);
  if (iso === 1 || iso === 2) dims = 3;
  if (iso === 3) dims = 4;
  const type = code % 1000;
  const name = TYPES[type];
  if (!name) throw new AtlasError('corrupt_file', `Unknown WKB geometry type ${code}`);
  const coords = (): string => readCoords(r, type, dims, little);
  if (type === 7) {
    const n = r.view.getUint32(r.pos, little);
    r.pos += 4;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(readGeometry(r));
    return `{"type":"GeometryCollection","geometries":[${parts.join(',')}]}`;
  }
  return `{"type":"${name}","coordinates":${coords()}}`;
}

function point(r: Reader, dims: number, little: boolean): string {
  const x = r.view.getFloat64(r.pos, little);
  const y = r.view.getFloat64(r.pos + 8, little);
  r.pos += 8 * dims;
  return `[${x},${y}]`;
}

function pointList(r: Reader, dims: number, little: boolean): string {
  const n = r.view.getUint32(r.pos, little);
  r.pos += 4;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = point(r, dims, little);
  return `[${out.join(',')}]`;
}

function ringList(r: Reader, dims: number, little: boolean): string {
  const n = r.view.getUint32(r.pos, little);
  r.pos += 4;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = pointList(r, dims, little);
  return `[${out.join(',')}]`;
}

function readCoords(r: Reader, type: number, dims: number, little: boolean): string {
  switch (type) {
    case 1: {
      const x = r.view.getFloat64(r.pos, little);
      const y = r.view.getFloat64(r.pos + 8, little);
      r.pos += 8 * dims;
      return Number.isNaN(x) && Number.isNaN(y) ? '[]' : `[${x},${y}]`;
    }
    case 2:
      return pointList(r, dims, little);
    case 3:
      return ringList(r, dims, little);
    default: {
      // Multi*: each part is a full WKB geometry with its own header.
      const n = r.view.getUint32(r.pos, little);
      r.pos += 4;
      const parts = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        const partLittle = r.view.getUint8(r.pos) === 1;
        const partCode = r.view.getUint32(r.pos + 1, partLittle) & 0x0fffffff;
        r.pos += 5;
        parts[i] = readCoords(r, partCode % 1000, dims, partLittle);
      }
      return `[${parts.join(',')}]`;
    }
  }
}
