import wkx from 'wkx';
import type { Geometry } from 'geojson';
import { AtlasError } from '../../shared/api/errors.ts';
import type { FlatGeometry } from '../formats/types.ts';
import { flatWkbSize, toWkb, writeFlatWkb } from './wkb-write.ts';

/** [minX, maxX, minY, maxY], the order of the GeoPackage envelope. */
export type Envelope = [number, number, number, number];

const MAGIC_G = 0x47;
const MAGIC_P = 0x50;
const FLAG_LITTLE_ENDIAN = 0x01;
const FLAG_EMPTY = 0x10;
const ENVELOPE_BYTES = [0, 32, 48, 48, 64, 0, 0, 0];

/** Widens `env` by the positions of a GeoJSON coordinates array (any nesting). */
function visitEnvelope(c: unknown, env: Envelope): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const x = c[0] as number;
    const y = c[1] as number;
    if (x < env[0]) env[0] = x;
    if (x > env[1]) env[1] = x;
    if (y < env[2]) env[2] = y;
    if (y > env[3]) env[3] = y;
    return;
  }
  for (let i = 0; i < c.length; i++) visitEnvelope(c[i], env);
}

/** Envelope of a GeoJSON geometry, or null when it has no coordinates. */
export function envelopeOf(geometry: Geometry): Envelope | null {
  const env: Envelope = [Infinity, -Infinity, Infinity, -Infinity];
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const e = envelopeOf(g);
      if (e) {
        env[0] = Math.min(env[0], e[0]);
        env[1] = Math.max(env[1], e[1]);
        env[2] = Math.min(env[2], e[2]);
        env[3] = Math.max(env[3], e[3]);
      }
    }
  } else {
    visitEnvelope(geometry.coordinates, env);
  }
  return env[0] === Infinity ? null : env;
}

/** Envelope of a flat geometry (which always has positions), into `out`. */
export function flatEnvelope(g: FlatGeometry, out: Envelope): Envelope {
  const xy = g.xy;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0, n = g.points * 2; i < n; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  out[0] = minX;
  out[1] = maxX;
  out[2] = minY;
  out[3] = maxY;
  return out;
}

function writeHeader(buf: Buffer, srsId: number, env: Envelope | null): void {
  buf[0] = MAGIC_G;
  buf[1] = MAGIC_P;
  buf[2] = 0;
  buf[3] = FLAG_LITTLE_ENDIAN | (env ? 1 << 1 : 0) | (env ? 0 : FLAG_EMPTY);
  buf.writeInt32LE(srsId, 4);
  if (env) {
    buf.writeDoubleLE(env[0], 8);
    buf.writeDoubleLE(env[1], 16);
    buf.writeDoubleLE(env[2], 24);
    buf.writeDoubleLE(env[3], 32);
  }
}

/**
 * GeoPackage binary of flat geometries, written into one reused buffer: each result is a view that is
 * valid until the next `encode` (better-sqlite3 copies a blob when it binds it).
 */
export class FlatBlobEncoder {
  private buf = Buffer.allocUnsafe(64 * 1024);

  encode(g: FlatGeometry, srsId: number, env: Envelope): Buffer {
    const size = 40 + flatWkbSize(g);
    if (size > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(size, this.buf.length * 2));
    const buf = this.buf;
    writeHeader(buf, srsId, env);
    writeFlatWkb(g, buf, 40);
    return buf.subarray(0, size);
  }
}

/**
 * Encodes a GeoJSON geometry as GeoPackage binary: the "GP" header (version 0, little-endian,
 * XY envelope, empty flag) followed by 2D ISO WKB (spec 2.1.3).
 */
export function encodeGeometry(geometry: Geometry, srsId = 4326, envelope?: Envelope | null): Buffer {
  const env = envelope === undefined ? envelopeOf(geometry) : envelope;
  const headerBytes = 8 + (env ? 32 : 0);
  const blob = toWkb(geometry, headerBytes);
  writeHeader(blob, srsId, env);
  return blob;
}

export interface BlobHeader {
  srsId: number;
  empty: boolean;
  envelope: Envelope | null;
  /** Byte offset of the WKB after the header. */
  wkbOffset: number;
}

/** Reads a GeoPackage binary header; throws a readable error when the blob is not one. */
export function readHeader(blob: Uint8Array): BlobHeader {
  if (blob.length < 8 || blob[0] !== MAGIC_G || blob[1] !== MAGIC_P) {
    throw new AtlasError('corrupt_file', 'Geometry is not GeoPackage binary (missing "GP" magic)');
  }
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const flags = buf[3];
  const little = (flags & FLAG_LITTLE_ENDIAN) !== 0;
  const envKind = (flags >> 1) & 0x07;
  const envBytes = ENVELOPE_BYTES[envKind];
  if (envKind > 4) throw new AtlasError('corrupt_file', `Invalid GeoPackage envelope indicator ${envKind}`);
  const srsId = little ? buf.readInt32LE(4) : buf.readInt32BE(4);
  let envelope: Envelope | null = null;
  if (envBytes > 0) {
    const rd = (o: number) => (little ? buf.readDoubleLE(o) : buf.readDoubleBE(o));
    envelope = [rd(8), rd(16), rd(24), rd(32)];
  }
  return { srsId, empty: (flags & FLAG_EMPTY) !== 0, envelope, wkbOffset: 8 + envBytes };
}

/** Decodes GeoPackage binary to GeoJSON; Z/M are dropped, empty geometries become null. */
export function decodeGeometry(blob: Uint8Array | null): Geometry | null {
  if (!blob) return null;
  const header = readHeader(blob);
  if (header.empty) return null;
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + header.wkbOffset, blob.byteLength - header.wkbOffset);
  const geom = wkx.Geometry.parse(wkb).toGeoJSON() as Geometry;
  return stripExtraDimensions(geom);
}

function stripExtraDimensions(geometry: Geometry): Geometry {
  const trim = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c[0], c[1]] : Array.isArray(c) ? c.map(trim) : c;
  if (geometry.type === 'GeometryCollection') {
    return { type: 'GeometryCollection', geometries: geometry.geometries.map(stripExtraDimensions) };
  }
  return { ...geometry, coordinates: trim(geometry.coordinates) } as Geometry;
}

/** Envelope of a blob: from its header when present, else computed from its WKB. */
export function blobEnvelope(blob: Uint8Array): Envelope | null {
  const header = readHeader(blob);
  if (header.empty) return null;
  if (header.envelope) return header.envelope;
  const geom = decodeGeometry(blob);
  return geom ? envelopeOf(geom) : null;
}
