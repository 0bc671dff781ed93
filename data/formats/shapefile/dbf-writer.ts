import { AtlasError } from '../../../shared/api/errors.ts';

type Value = unknown;

/** One DBF column planned from a layer field and the values it holds. */
export interface DbfColumn {
  /** Property key in the features. */
  key: string;
  /** Name in the .dbf: at most 10 bytes of UTF-8, unique regardless of case. */
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals: number;
}

const MAX_TEXT = 254;
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
/** The largest of `f` over `items`, at least `min` (no spread: layers can have millions of rows). */
const maxOf = <T>(items: T[], f: (t: T) => number, min: number): number => items.reduce((m, t) => Math.max(m, f(t)), min);

/** The longest prefix of `s` that fits in `bytes` bytes of UTF-8 without cutting a character. */
function cutUtf8(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8(out + ch).length > bytes) break;
    out += ch;
  }
  return out;
}

function uniqueName(key: string, used: Set<string>): string {
  const base = cutUtf8(key.replace(/\0/g, ''), 10) || 'field';
  let name = base;
  for (let n = 1; used.has(name.toLowerCase()); n++) name = cutUtf8(base, 10 - String(n).length - 1) + `_${n}`;
  used.add(name.toLowerCase());
  return name;
}

function toNumber(v: Value): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function toText(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** 'YYYYMMDD' of a date given as 'YYYY-MM-DD...' text, a Date or 'YYYYMMDD'; null when it is none. */
function toDbfDate(v: Value): string | null {
  const text = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text);
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

/** Digits after the point that `n` needs to be written exactly (at most 15). */
function decimalsOf(n: number): number {
  const s = String(Math.abs(n));
  if (s.includes('e')) return 15;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(15, s.length - dot - 1);
}

/**
 * DBF columns for a layer's fields, sized to the values: TEXT as C (up to 254 bytes of UTF-8),
 * INTEGER as N(9) or wider up to N(18), REAL as N with the decimals the values need (at least 1, so
 * readers keep it real), DATE as D, BOOLEAN as L; DATETIME and unknown types as text. Names are cut
 * to 10 bytes and made unique; renamed fields and cut texts are noted.
 */
export function planColumns(fields: { key: string; type: string }[], rows: Record<string, Value>[], file: string, notes: string[]): DbfColumn[] {
  const used = new Set<string>();
  return fields.map(({ key, type }) => {
    const name = uniqueName(key, used);
    if (name !== key) notes.push(`${file}: field ${key} is named ${name} (.dbf names are at most 10 bytes)`);
    const values = rows.map((r) => r[key]);
    switch (type.toUpperCase()) {
      case 'INTEGER': {
        const digits = maxOf(values, (v) => String(Math.round(toNumber(v) ?? 0)).length, 1);
        return { key, name, type: 'N', length: Math.min(18, Math.max(9, digits)), decimals: 0 };
      }
      case 'REAL': {
        const nums = values.map(toNumber).filter((n): n is number => n !== null);
        const decimals = maxOf(nums, decimalsOf, 1);
        const whole = maxOf(nums, (n) => String(Math.trunc(Math.abs(n))).length + (n < 0 ? 1 : 0), 1);
        const length = Math.min(24, whole + 1 + decimals);
        return { key, name, type: 'N', length, decimals: Math.max(1, Math.min(decimals, length - whole - 1)) };
      }
      case 'DATE':
        return { key, name, type: 'D', length: 8, decimals: 0 };
      case 'BOOLEAN':
        return { key, name, type: 'L', length: 1, decimals: 0 };
      default: {
        if (type.toUpperCase() === 'DATETIME') notes.push(`${file}: field ${key} holds date-times, written as text (.dbf has no date-time type)`);
        const longest = maxOf(values, (v) => utf8(toText(v) ?? '').length, 1);
        if (longest > MAX_TEXT) notes.push(`${file}: texts of field ${key} longer than ${MAX_TEXT} bytes were cut`);
        return { key, name, type: 'C', length: Math.min(MAX_TEXT, longest), decimals: 0 };
      }
    }
  });
}

/**
 * Writes a value into its column at `at` (the record is pre-filled with blanks): text left-aligned
 * and cut at a character boundary, numbers right-aligned; nulls stay blank (N, C, and L, which GDAL
 * reads as null where it reads '?' as text), dates become '00000000'.
 */
function writeValue(b: Buffer, at: number, c: DbfColumn, v: Value): void {
  if (c.type === 'C') {
    b.write(toText(v) ?? '', at, c.length, 'utf8'); // Buffer.write never writes part of a character
  } else if (c.type === 'D') {
    b.write(toDbfDate(v) ?? '00000000', at, 8, 'latin1');
  } else if (c.type === 'L') {
    if (v !== null && v !== undefined) b.write(v === true || v === 1 || /^(t|true|y|yes|1)$/i.test(String(v)) ? 'T' : 'F', at, 1, 'latin1');
  } else {
    const n = toNumber(v);
    if (n === null) return;
    let s = n.toFixed(c.decimals);
    if (s.length > c.length) s = n.toExponential(Math.max(0, c.length - 8));
    b.write(s, at + Math.max(0, c.length - s.length), c.length, 'latin1');
  }
}

/** The bytes of a dBase III table of `rows` in `columns`, text in UTF-8 (no language driver: the .cpg says UTF-8). */
export function encodeDbf(columns: DbfColumn[], rows: Record<string, Value>[], today = new Date()): Buffer {
  const recordLength = 1 + columns.reduce((n, c) => n + c.length, 0);
  const headerLength = 32 + 32 * columns.length + 1;
  if (recordLength > 0xffff || headerLength > 0xffff) {
    throw new AtlasError('unsupported', `Too many or too long fields for a .dbf (${columns.length} fields, ${recordLength} bytes per record; the limit is 65,535)`);
  }
  const b = Buffer.alloc(headerLength + rows.length * recordLength + 1, 0x20);
  b.fill(0, 0, headerLength);
  b[0] = 0x03;
  b[1] = today.getFullYear() - 1900;
  b[2] = today.getMonth() + 1;
  b[3] = today.getDate();
  b.writeUInt32LE(rows.length, 4);
  b.writeUInt16LE(headerLength, 8);
  b.writeUInt16LE(recordLength, 10);
  columns.forEach((c, i) => {
    b.write(c.name, 32 + 32 * i, 10, 'utf8');
    b[32 + 32 * i + 11] = c.type.charCodeAt(0);
    b[32 + 32 * i + 16] = c.length;
    b[32 + 32 * i + 17] = c.decimals;
  });
  b[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength + 1; // after the deletion flag, a blank
    for (const c of columns) {
      writeValue(b, at, c, row[c.key]);
      at += c.length;
    }
  });
  b[b.length - 1] = 0x1a;
  return b;
}
