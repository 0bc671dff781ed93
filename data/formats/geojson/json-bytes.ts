import type { FieldSlot } from './fields.ts';

/** Bytes and names of the GeoJSON byte reader (feature-bytes.ts): JSON punctuation, member names, the key table. */

export const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
export const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
export const LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;
export const MINUS = 0x2d, PLUS = 0x2b, DOT = 0x2e, ZERO = 0x30, NINE = 0x39;

/** Distinct member names remembered (beyond, features take the general path). */
export const MAX_KEYS = 4096;
/** Deeper nesting is left to JSON.parse. */
export const MAX_DEPTH = 64;

export const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

export const word = (s: string) => Buffer.from(s, 'latin1');
export const TYPE = word('type');
export const PROPERTIES = word('properties');
export const GEOMETRY = word('geometry');
export const ID = word('id');
export const COORDINATES = word('coordinates');
export const FEATURE = word('Feature');
export const TRUE = word('true');
export const FALSE = word('false');
export const NULL = word('null');
/** Geometry type names by WKB code (7, GeometryCollection, is declined). */
export const GEOMETRY_NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'].map(word);
/** Nesting depth of the positions in `coordinates` by WKB code. */
export const POSITION_DEPTH = [-1, 0, 1, 2, 1, 2, 3];

/** Node's Buffer decoders without toString's argument handling (on Buffer.prototype since Node 0.x). */
export type Bytes = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

export function same(word: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false;
  return true;
}

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export interface KeyEntry {
  readonly bytes: Uint8Array;
  readonly key: string;
  /** The object it was last seen in (repeated names are declined). */
  mark: number;
  /** Survey: the field. */
  slot: FieldSlot | null;
  /** Decoder: the position in the layer's fields, or -1. */
  field: number;
  /** The name is "id" (a string feature id does not replace it). */
  readonly isId: boolean;
}

/** Member names seen so far, found again by their bytes without decoding them. */
export class Keys {
  private readonly byKey = new Map<string, KeyEntry>();
  /** The names of the last object by position: the next one usually has the same. */
  private readonly order: (KeyEntry | undefined)[] = [];

  constructor(private readonly fieldOf: (key: string) => number) {}

  /** The entry of the name in b[s..e) (no escapes), the i-th of its object; null when too many names. */
  get(b: Bytes, s: number, e: number, i: number, ascii: boolean): KeyEntry | null {
    const hint = i < this.order.length ? this.order[i] : undefined;
    if (hint !== undefined && same(hint.bytes, b, s, e)) return hint;
    const key = ascii ? b.latin1Slice(s, e) : b.utf8Slice(s, e);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      if (this.byKey.size >= MAX_KEYS) return null;
      entry = { bytes: Uint8Array.prototype.slice.call(b, s, e), key, mark: 0, slot: null, field: this.fieldOf(key), isId: key === 'id' };
      this.byKey.set(key, entry);
    }
    if (i < MAX_KEYS) this.order[i] = entry;
    return entry;
  }
}

/** Sentinel: the value was declined. */
export const DECLINE = Symbol('decline');
export type Value = string | number | boolean | null | typeof DECLINE;

export function isDigit4(b: Uint8Array, s: number): boolean {
  for (let i = s; i < s + 4; i++) if (b[i] < ZERO || b[i] > NINE) return false;
  return true;
}
