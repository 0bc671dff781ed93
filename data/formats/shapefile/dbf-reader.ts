import { AtlasError } from '../../../shared/api/errors.ts';
import type { SourceFieldType } from '../types.ts';
import { ChunkReader } from './chunk-reader.ts';

export interface DbfFieldDescriptor {
  /** Name as stored (decoded once the encoding is settled). */
  nameBytes: Uint8Array;
  /** dBase type letter: C, N, F, L, D, M ... */
  type: string;
  length: number;
  decimals: number;
  /** Position in the record, after the deletion flag. */
  offset: number;
}

export interface DbfHeader {
  version: number;
  /** Records the file holds (the header's count, less any cut off by a short file). */
  count: number;
  headerLength: number;
  recordLength: number;
  /** Language driver id (header byte 29); 0 when none. */
  ldid: number;
  fields: DbfFieldDescriptor[];
  sizeBytes: number;
  notes: string[];
}

/** A field as read: its key in the properties, its type, and where its bytes are. */
export interface DbfField {
  key: string;
  type: SourceFieldType;
  descriptor: DbfFieldDescriptor;
}

const trimEnd = (b: Uint8Array): Uint8Array => {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
  return b.subarray(0, end);
};

/** The type a dBase field is read as, or null for types that are not read (memo, binary, FoxPro extras). */
export function fieldType(f: DbfFieldDescriptor): SourceFieldType | null {
  switch (f.type) {
    case 'C':
      return 'TEXT';
    case 'N':
    case 'F':
      return f.decimals === 0 && f.length <= 9 ? 'INTEGER' : 'REAL';
    case 'L':
      return 'BOOLEAN';
    case 'D':
      return 'DATE';
    default:
      return null;
  }
}

/** Reads the header and field descriptors of a DBF; throws invalid_file naming `name` when it is not a DBF. */
export function readDbfHeader(path: string, name: string): DbfHeader {
  const r = new ChunkReader(path);
  try {
    const b = r.read(0, 32);
    if (b.length < 32) throw new AtlasError('invalid_file', `${name} is too short to be a .dbf (${r.size} bytes)`, { file: name });
    const [version, ldid] = [b[0], b[29]];
    const declared = b.readUInt32LE(4);
    const headerLength = b.readUInt16LE(8);
    const recordLength = b.readUInt16LE(10);
    if (headerLength < 33 || recordLength < 1 || headerLength > r.size) {
      throw new AtlasError('invalid_file', `${name} is not a dBase table: header length ${headerLength}, record length ${recordLength}`, { file: name });
    }
    const descriptors = Buffer.from(r.read(32, headerLength - 32));
    const fields: DbfFieldDescriptor[] = [];
    let offset = 1;
    for (let at = 0; at + 32 <= descriptors.length && descriptors[at] !== 0x0d; at += 32) {
      const d = descriptors.subarray(at, at + 32);
      const nul = d.subarray(0, 11).indexOf(0);
      const type = String.fromCharCode(d[11]).toUpperCase();
      // Text fields longer than 255 keep the high byte of the length in the decimals byte (FoxPro, GDAL).
      const length = type === 'C' ? d[16] + 256 * d[17] : d[16];
      fields.push({ nameBytes: Uint8Array.from(d.subarray(0, nul < 0 ? 11 : nul)), type, length, decimals: type === 'C' ? 0 : d[17], offset });
      offset += length;
    }
    if (offset > recordLength) {
      throw new AtlasError('invalid_file', `${name} is damaged: its fields need ${offset} bytes per record but records are ${recordLength}`, { file: name });
    }
    const fit = Math.floor((r.size - headerLength) / recordLength);
    const notes = fit < declared ? [`${name} says it has ${declared} records but holds only ${fit}; the rest are missing`] : [];
    return { version, count: Math.min(declared, fit), headerLength, recordLength, ldid, fields, sizeBytes: r.size, notes };
  } finally {
    r.close();
  }
}

/**
 * Bytes of text from the first records (field names, then text values joined by spaces), up to
 * `maxBytes`, to detect the encoding from when nothing declares it.
 */
export function sampleText(path: string, header: DbfHeader, maxBytes = 64 * 1024): Uint8Array {
  const parts: Uint8Array[] = header.fields.map((f) => f.nameBytes);
  const text = header.fields.filter((f) => f.type === 'C');
  const r = new ChunkReader(path);
  try {
    let total = 0;
    for (let i = 0; i < header.count && total < maxBytes; i++) {
      const rec = r.read(header.headerLength + i * header.recordLength, header.recordLength);
      for (const f of text) {
        const value = trimEnd(rec.subarray(f.offset, f.offset + f.length));
        if (value.length) parts.push(Uint8Array.from(value));
        total += value.length + 1;
      }
    }
  } finally {
    r.close();
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0)).fill(0x20);
  parts.reduce((at, p) => (out.set(p, at), at + p.length + 1), 0);
  return out;
}

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t === '' || t === '.' || t === '-' || t.startsWith('*')) return null;
  // Some writers put a decimal comma ("68,500" in a field with 3 decimals).
  const n = Number(/^-?\d*,\d+$/.test(t) ? t.replace(',', '.') : t);
  return Number.isFinite(n) ? n : null;
}

function parseDate(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const ascii = (b: Uint8Array): string => String.fromCharCode(...b);

/** The value of one field in a record's bytes; empty or placeholder values ('?', '*****', '00000000') are null. */
function readValue(field: DbfField, rec: Buffer, decode: (b: Uint8Array) => string): string | number | boolean | null {
  const { offset, length } = field.descriptor;
  const raw = rec.subarray(offset, offset + length);
  switch (field.type) {
    case 'TEXT': {
      const bytes = trimEnd(raw);
      return bytes.length ? decode(bytes) : null;
    }
    case 'INTEGER':
    case 'REAL':
      return parseNumber(ascii(raw));
    case 'BOOLEAN': {
      const c = ascii(raw).trim().toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    default:
      return parseDate(ascii(raw));
  }
}

/** Reads DBF records in order through a small buffer; close() when done. */
export class DbfRecords {
  private reader: ChunkReader;

  constructor(
    path: string,
    private readonly header: DbfHeader,
    private readonly fields: DbfField[],
    private readonly decode: (bytes: Uint8Array) => string,
  ) {
    this.reader = new ChunkReader(path);
  }

  get bytesRead(): number {
    return this.reader.bytesRead;
  }

  /** Record `i` (0-based): whether it is marked deleted, and its values; null past the last record. */
  read(i: number): { deleted: boolean; properties: Record<string, string | number | boolean | null> } | null {
    if (i >= this.header.count) return null;
    const rec = this.reader.read(this.header.headerLength + i * this.header.recordLength, this.header.recordLength);
    if (rec.length < this.header.recordLength) return null;
    const properties: Record<string, string | number | boolean | null> = {};
    for (const f of this.fields) properties[f.key] = readValue(f, rec, this.decode);
    return { deleted: rec[0] === 0x2a, properties };
  }

  close(): void {
    this.reader.close();
  }
}
