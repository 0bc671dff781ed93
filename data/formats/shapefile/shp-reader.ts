import type { Geometry } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import { ChunkReader } from './chunk-reader.ts';
import { SHAPE_TYPE_NAMES, ShapeError, parseShape } from './shp-geometry.ts';

export interface ShpHeader {
  shapeType: number;
  bbox: [number, number, number, number];
  /** File length the header declares, in bytes. */
  declaredLength: number;
}

/** Where each record of a .shp starts, from its .shx or from a scan of the .shp. */
export interface ShpIndex {
  header: ShpHeader;
  /** Byte offset of each record (its 8-byte record header), in record order. */
  offsets: Float64Array;
  sizeBytes: number;
  notes: string[];
}

function invalid(file: string, message: string, feature?: number): AtlasError {
  return new AtlasError('invalid_file', `${file} ${message}`, feature === undefined ? { file } : { file, feature });
}

/** The 100-byte main header shared by .shp and .shx; throws invalid_file naming `file` when it is not one. */
function readHeader(b: Buffer, file: string, size: number): ShpHeader {
  if (size < 100) throw invalid(file, `is too short to be a shapefile (${size} bytes, the header alone is 100)`);
  const code = b.readInt32BE(0);
  if (code !== 9994) throw invalid(file, `is not a shapefile: it starts with file code ${code} instead of 9994`);
  const shapeType = b.readInt32LE(32);
  if (!(shapeType in SHAPE_TYPE_NAMES)) throw invalid(file, `has unknown shape type ${shapeType} in its header`);
  if (shapeType === 31) throw new AtlasError('unsupported_format', `${file} holds MultiPatch (3D surface) shapes, which are not read`, { file });
  const bbox: ShpHeader['bbox'] = [b.readDoubleLE(36), b.readDoubleLE(44), b.readDoubleLE(52), b.readDoubleLE(60)];
  return { shapeType, bbox, declaredLength: b.readInt32BE(24) * 2 };
}

/** Record offsets from a .shx, or null when it does not fit the .shp (not a .shx, or offsets past the end of the .shp). */
function offsetsFromShx(shxPath: string, shpSize: number): Float64Array | null {
  const shx = new ChunkReader(shxPath);
  try {
    if (shx.size < 100 || shx.read(0, 4).readInt32BE(0) !== 9994 || (shx.size - 100) % 8 !== 0) return null;
    const offsets = new Float64Array((shx.size - 100) / 8);
    for (let i = 0; i < offsets.length; i++) {
      const entry = shx.read(100 + i * 8, 8);
      offsets[i] = entry.readInt32BE(0) * 2;
      // Only the offset is used: the content length is read from the .shp record header itself.
      if (offsets[i] < 100 || offsets[i] + 8 > shpSize) return null;
    }
    return offsets;
  } finally {
    shx.close();
  }
}

/**
 * Record offsets found by walking the .shp record headers; throws naming the record where the file
 * breaks off. Zero bytes where a record header should be are padding some writers leave at the end.
 */
function offsetsByScan(shp: ChunkReader, file: string, end: number, notes: string[]): Float64Array {
  const offsets: number[] = [];
  for (let pos = 100; pos < end; ) {
    const record = offsets.length + 1;
    const head = shp.read(pos, 8);
    if (head.length === 8 && head.readInt32BE(0) === 0 && head.readInt32BE(4) === 0) {
      notes.push(`${file} ends with ${end - pos} bytes of padding after record ${record - 1}, ignored`);
      break;
    }
    const length = head.length === 8 ? head.readInt32BE(4) * 2 : -1;
    if (length < 4 || pos + 8 + length > end) {
      throw invalid(file, `is truncated or damaged at record ${record} (byte ${pos} of ${end})`, record - 1);
    }
    offsets.push(pos);
    pos += 8 + length;
  }
  return Float64Array.from(offsets);
}

/**
 * Reads the header of a .shp and where its records start: from the .shx when there is one that fits,
 * else by scanning the .shp record by record (noted). Throws invalid_file naming the file for a file
 * that is not a shapefile or is cut short.
 */
export function indexShp(shpPath: string, shpName: string, shxPath: string | null, shxName: string): ShpIndex {
  const shp = new ChunkReader(shpPath);
  try {
    const header = readHeader(shp.read(0, 100), shpName, shp.size);
    const notes: string[] = [];
    let offsets = shxPath ? offsetsFromShx(shxPath, shp.size) : null;
    if (!offsets) {
      const end = header.declaredLength >= 100 && header.declaredLength <= shp.size ? header.declaredLength : shp.size;
      offsets = offsetsByScan(shp, shpName, end, notes);
      notes.unshift(shxPath ? `${shxName} does not match ${shpName}; records were found by reading ${shpName} through` : `${shxName} is missing; the record index was rebuilt by reading ${shpName} through`);
    }
    return { header, offsets, sizeBytes: shp.size, notes };
  } finally {
    shp.close();
  }
}

/** Reads the records of an indexed .shp one at a time through a small buffer; close() when done. */
export class ShpRecords {
  private reader: ChunkReader;

  constructor(
    path: string,
    private readonly name: string,
    private readonly index: ShpIndex,
  ) {
    this.reader = new ChunkReader(path);
  }

  get bytesRead(): number {
    return this.reader.bytesRead;
  }

  /** The geometry of record `i` (0-based), or throws invalid_file naming the file and record number. */
  read(i: number): Geometry | null {
    const pos = this.index.offsets[i];
    const head = this.reader.read(pos, 8);
    const length = head.length === 8 ? head.readInt32BE(4) * 2 : -1;
    if (length < 0 || pos + 8 + length > this.reader.size) throw invalid(this.name, `is truncated at record ${i + 1}`, i);
    try {
      return parseShape(this.reader.read(pos + 8, length));
    } catch (err) {
      if (err instanceof ShapeError) throw invalid(this.name, `is damaged: record ${i + 1} ${err.message}`, i);
      throw err;
    }
  }

  close(): void {
    this.reader.close();
  }
}
