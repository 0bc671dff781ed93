import type { DecodedFeature, FlatGeometry } from '../types.ts';
import { BOOL, INT, REAL, TEXT, stringBits, type FieldInference, type FieldSlot } from './fields.ts';

/**
 * Reads one feature of a FeatureCollection straight from its UTF-8 bytes, for the two hot paths of an
 * import: the survey at open (`FeatureSurvey`: the fields and their types, without building the
 * feature) and the import itself (`FeatureDecoder`: attribute values and a flat 2D geometry, without
 * GeoJSON objects). Every byte is checked against the JSON grammar on the way.
 *
 * Anything out of the ordinary makes them decline (return false) and the caller takes the general path,
 * `JSON.parse` + `toFeature`, which gives the exact result or the exact error: broken JSON, a feature
 * that is not `{"type":"Feature",...}`, repeated or escaped member names, names that look like numbers
 * (JSON.parse would order them first), more than MAX_KEYS distinct names; for the decoder also a null
 * or non-object geometry, a GeometryCollection, positions that are not exactly two finite numbers,
 * empty or unevenly nested coordinates. So both give what the general path would give, only faster.
 */

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;
const MINUS = 0x2d, PLUS = 0x2b, DOT = 0x2e, ZERO = 0x30, NINE = 0x39;

/** Distinct member names remembered (beyond, features take the general path). */
const MAX_KEYS = 4096;
/** Deeper nesting is left to JSON.parse. */
const MAX_DEPTH = 64;

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

const word = (s: string) => Buffer.from(s, 'latin1');
const TYPE = word('type');
const PROPERTIES = word('properties');
const GEOMETRY = word('geometry');
const ID = word('id');
const COORDINATES = word('coordinates');
const FEATURE = word('Feature');
const TRUE = word('true');
const FALSE = word('false');
const NULL = word('null');
/** Geometry type names by WKB code (7, GeometryCollection, is declined). */
const GEOMETRY_NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'].map(word);
/** Nesting depth of the positions in `coordinates` by WKB code. */
const POSITION_DEPTH = [-1, 0, 1, 2, 1, 2, 3];

/** Node's Buffer decoders without toString's argument handling (on Buffer.prototype since Node 0.x). */
type Bytes = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

function same(word: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false;
  return true;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

interface KeyEntry {
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
class Keys {
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
const DECLINE = Symbol('decline');
type Value = string | number | boolean | null | typeof DECLINE;

/** The byte walk both share: JSON grammar, numbers, strings, the feature's own members. */
abstract class FeatureWalk {
  protected b = Buffer.alloc(0) as Bytes;
  protected p = 0;
  /** Content bounds of the last string read. */
  protected s0 = 0;
  protected s1 = 0;
  /** The last number had a fraction or an exponent. */
  protected real = false;
  /** The last integer had more than 15 digits. */
  protected long = false;
  /** Objects walked, to tell repeated member names. */
  protected mark = 0;
  protected readonly keys: Keys;
  /** Names of geometry members, apart so that the two objects do not spoil each other's hints. */
  protected readonly geometryKeys = new Keys(() => -1);
  /** Whether the properties had an "id" member, and the bounds of a string feature id (s < 0: none). */
  protected idInProperties = false;
  protected idStart = -1;
  protected idEnd = -1;
  protected idFlags = 0;

  constructor(fieldOf: (key: string) => number) {
    this.keys = new Keys(fieldOf);
  }

  /**
   * Walks one feature from `bytes[start]`; returns the index after its closing brace, or -1 when it
   * is declined. `whole`: the bytes are the feature alone (only white space may follow); else the
   * feature may be followed by anything, and running into the end of the bytes declines it.
   */
  protected walk(bytes: Buffer, start: number, whole: boolean): number {
    this.b = bytes as Bytes;
    this.p = start;
    this.idInProperties = false;
    this.idStart = -1;
    const b = bytes;
    this.ws();
    if (b[this.p] !== LBRACE) return -1;
    this.p++;
    this.ws();
    if (b[this.p] === RBRACE) return -1;
    let seen = 0; // 1 type, 2 properties, 4 geometry, 8 id
    for (;;) {
      if (b[this.p] !== QUOTE) return -1;
      const kf = this.str();
      if (kf !== 0 && kf !== 2) return -1; // invalid, or escaped
      const ks = this.s0;
      const ke = this.s1;
      this.ws();
      if (b[this.p] !== COLON) return -1;
      this.p++;
      this.ws();
      if (same(TYPE, b, ks, ke)) {
        if (seen & 1 || b[this.p] !== QUOTE || this.str() !== 0 || !same(FEATURE, b, this.s0, this.s1)) return -1;
        seen |= 1;
      } else if (same(PROPERTIES, b, ks, ke)) {
        if (seen & 2) return -1;
        seen |= 2;
        const c = b[this.p];
        if (c === LBRACE) {
          if (!this.properties()) return -1;
        } else if (!this.literal(NULL)) return -1;
      } else if (same(GEOMETRY, b, ks, ke)) {
        if (seen & 4) return -1;
        seen |= 4;
        if (!this.geometry()) return -1;
      } else if (same(ID, b, ks, ke)) {
        if (seen & 8) return -1;
        seen |= 8;
        const c = b[this.p];
        if (c === QUOTE) {
          const f = this.str();
          if (f < 0) return -1;
          this.idStart = this.s0;
          this.idEnd = this.s1;
          this.idFlags = f;
        } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
          if (Number.isNaN(this.num())) return -1;
        } else if (!this.literal(NULL)) return -1;
      } else if (!this.skip(1)) return -1;
      this.ws();
      const c = b[this.p];
      if (c === COMMA) {
        this.p++;
        this.ws();
        continue;
      }
      if (c !== RBRACE) return -1;
      this.p++;
      break;
    }
    if ((seen & 1) === 0) return -1;
    const end = this.p;
    if (!whole) return end;
    this.ws();
    return this.p === b.length ? end : -1;
  }

  /** The properties object, at its '{'. */
  protected abstract properties(): boolean;
  /** The geometry member's value. */
  protected abstract geometry(): boolean;

  /**
   * At an object's '{': moves inside. Returns 0 for an empty object (and moves past it), else the mark
   * that tells its members' names apart from other objects' (see memberName).
   */
  protected openObject(): number {
    this.p++;
    this.ws();
    if (this.b[this.p] === RBRACE) {
      this.p++;
      return 0;
    }
    return ++this.mark;
  }

  /**
   * The next member's name (the i-th of the object with this mark) and its colon; moves to its value.
   * Null when declined: escaped, number-like or repeated names, too many names, broken JSON.
   */
  protected memberName(keys: Keys, i: number, mark: number): KeyEntry | null {
    const b = this.b;
    if (b[this.p] !== QUOTE) return null;
    const kf = this.str();
    if (kf < 0 || kf & 1) return null;
    const ks = this.s0;
    const ke = this.s1;
    // A name like "12" would come first in JSON.parse's object; an empty name is fine.
    if (ke > ks && b[ks] >= ZERO && b[ks] <= NINE) return null;
    const entry = keys.get(b, ks, ke, i, kf === 0);
    if (entry === null || entry.mark === mark) return null;
    entry.mark = mark;
    this.ws();
    if (b[this.p] !== COLON) return null;
    this.p++;
    this.ws();
    return entry;
  }

  /** After a member's value: 1 when another member follows (moved to its name), 0 when the object ended (moved past it), -1 when broken. */
  protected memberEnd(): number {
    this.ws();
    const c = this.b[this.p];
    if (c === COMMA) {
      this.p++;
      this.ws();
      return 1;
    }
    if (c !== RBRACE) return -1;
    this.p++;
    return 0;
  }

  protected ws(): void {
    const b = this.b;
    let p = this.p;
    for (;;) {
      const c = b[p];
      if (c === SPACE || c === LF || c === CR || c === TAB) p++;
      else break;
    }
    this.p = p;
  }

  /**
   * A string, at its opening quote: moves past it and sets s0/s1 to its content. Returns -1 when it is
   * not valid JSON, else flags: 1 has escapes, 2 has non-ASCII bytes.
   */
  protected str(): number {
    const b = this.b;
    const n = b.length;
    let p = this.p + 1;
    const s0 = p;
    let flags = 0;
    for (;;) {
      if (p >= n) return -1;
      const c = b[p];
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        flags |= 1;
        const e = b[p + 1];
        if (e === 0x75) {
          if (!isHex(b[p + 2]) || !isHex(b[p + 3]) || !isHex(b[p + 4]) || !isHex(b[p + 5])) return -1;
          p += 6;
        } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) p += 2;
        else return -1;
        continue;
      }
      if (c < 0x20) return -1;
      if (c >= 0x80) flags |= 2;
      p++;
    }
    this.s0 = s0;
    this.s1 = p;
    this.p = p + 1;
    return flags;
  }

  /** The value of the string just read by str() with these flags. */
  protected strValue(flags: number): string {
    if (flags === 0) return this.b.latin1Slice(this.s0, this.s1);
    if (flags === 2) return this.b.utf8Slice(this.s0, this.s1);
    return JSON.parse(this.b.utf8Slice(this.s0 - 1, this.s1 + 1)) as string;
  }

  /**
   * A number, at its first byte: moves past it and returns its value (as JSON.parse gives it), or NaN
   * when it is not a valid JSON number. Sets `real` (fraction or exponent) and `long` (over 15 digits).
   */
  protected num(): number {
    const b = this.b;
    const start = this.p;
    let p = start;
    let neg = false;
    if (b[p] === MINUS) {
      neg = true;
      p++;
    }
    let c = b[p];
    let m = 0;
    let digits = 0;
    let exp = 0;
    let real = false;
    if (c === ZERO) c = b[++p];
    else if (c > ZERO && c <= NINE) {
      do {
        m = m * 10 + (c - ZERO);
        digits++;
        c = b[++p];
      } while (c >= ZERO && c <= NINE);
    } else return NaN;
    const intDigits = digits;
    if (c === DOT) {
      real = true;
      c = b[++p];
      if (!(c >= ZERO && c <= NINE)) return NaN;
      do {
        if (digits > 0 || c !== ZERO) {
          m = m * 10 + (c - ZERO);
          digits++;
        }
        exp--;
        c = b[++p];
      } while (c >= ZERO && c <= NINE);
    }
    if (c === 0x65 || c === 0x45) {
      real = true;
      c = b[++p];
      let eneg = false;
      if (c === PLUS || c === MINUS) {
        eneg = c === MINUS;
        c = b[++p];
      }
      if (!(c >= ZERO && c <= NINE)) return NaN;
      let e = 0;
      do {
        if (e < 1e6) e = e * 10 + (c - ZERO);
        c = b[++p];
      } while (c >= ZERO && c <= NINE);
      exp += eneg ? -e : e;
    }
    this.p = p;
    this.real = real;
    this.long = intDigits > 15;
    // Up to 15 digits are exact in a double, and so are powers of ten up to 1e22: one correctly
    // rounded operation gives the correctly rounded value, as JSON.parse does. Else ask the engine.
    if (digits <= 15 && exp >= -22 && exp <= 22) {
      const v = exp < 0 ? m / POW10[-exp] : exp > 0 ? m * POW10[exp] : m;
      return neg ? -v : v;
    }
    return Number(b.latin1Slice(start, p));
  }

  /** The literal `word` (true, false, null) at the current byte. */
  protected literal(word: Uint8Array): boolean {
    const b = this.b;
    const p = this.p;
    for (let i = 0; i < word.length; i++) if (b[p + i] !== word[i]) return false;
    this.p = p + word.length;
    return true;
  }

  /** Moves past any JSON value, checking it. */
  protected skip(depth: number): boolean {
    const b = this.b;
    const c = b[this.p];
    if (c === QUOTE) return this.str() >= 0;
    if (c === MINUS || (c >= ZERO && c <= NINE)) return !Number.isNaN(this.num());
    if (c === LBRACE || c === LBRACKET) {
      if (depth > MAX_DEPTH) return false;
      const close = c === LBRACE ? RBRACE : RBRACKET;
      this.p++;
      this.ws();
      if (b[this.p] === close) {
        this.p++;
        return true;
      }
      for (;;) {
        if (c === LBRACE) {
          if (b[this.p] !== QUOTE || this.str() < 0) return false;
          this.ws();
          if (b[this.p] !== COLON) return false;
          this.p++;
          this.ws();
        }
        if (!this.skip(depth + 1)) return false;
        this.ws();
        const d = b[this.p];
        if (d === COMMA) {
          this.p++;
          this.ws();
          continue;
        }
        if (d !== close) return false;
        this.p++;
        return true;
      }
    }
    if (c === 0x74) return this.literal(TRUE);
    if (c === 0x66) return this.literal(FALSE);
    if (c === 0x6e) return this.literal(NULL);
    return false;
  }

  /** The field-type bits of the value at the current byte (see fields.ts), or -1 when declined. */
  protected valueBits(): number {
    const b = this.b;
    const c = b[this.p];
    if (c === QUOTE) {
      const f = this.str();
      if (f < 0) return -1;
      // Only 'YYYY-…' can be a date: decode just those.
      if (f === 1 || (f === 0 && this.s1 - this.s0 >= 10 && b[this.s0 + 4] === MINUS && isDigit4(b, this.s0))) return stringBits(this.strValue(f));
      return TEXT;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const v = this.num();
      if (Number.isNaN(v)) return -1;
      if (this.real) return REAL;
      if (!this.long) return INT;
      return Number.isSafeInteger(v) ? INT : REAL;
    }
    if (c === 0x74) return this.literal(TRUE) ? BOOL : -1;
    if (c === 0x66) return this.literal(FALSE) ? BOOL : -1;
    if (c === 0x6e) return this.literal(NULL) ? 0 : -1;
    return this.skip(1) ? TEXT : -1;
  }

  /** The value at the current byte as toFeature keeps it (objects and arrays as JSON text). */
  protected value(): Value {
    const b = this.b;
    const c = b[this.p];
    if (c === QUOTE) {
      const f = this.str();
      return f < 0 ? DECLINE : this.strValue(f);
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const v = this.num();
      return Number.isNaN(v) ? DECLINE : v;
    }
    if (c === 0x74) return this.literal(TRUE) ? true : DECLINE;
    if (c === 0x66) return this.literal(FALSE) ? false : DECLINE;
    if (c === 0x6e) return this.literal(NULL) ? null : DECLINE;
    const start = this.p;
    if (!this.skip(1)) return DECLINE;
    return JSON.stringify(JSON.parse(b.utf8Slice(start, this.p)));
  }
}

function isDigit4(b: Uint8Array, s: number): boolean {
  for (let i = s; i < s + 4; i++) if (b[i] < ZERO || b[i] > NINE) return false;
  return true;
}

/**
 * The open-time survey of a feature: its property names and value kinds go into a FieldInference,
 * exactly as `inference.observe(toFeature(JSON.parse(text)).properties, text)` would put them.
 */
export class FeatureSurvey extends FeatureWalk {
  private pendingEntries: KeyEntry[] = [];
  private pendingBits: number[] = [];
  private pending = 0;

  constructor(private readonly inference: FieldInference) {
    super(() => -1);
  }

  /** Observes one feature; false when declined (nothing was observed: take the general path). */
  observe(bytes: Buffer): boolean {
    return this.observeAt(bytes, 0, true) >= 0;
  }

  /**
   * Observes the feature at `bytes[start]` (followed by anything, unless `whole`); returns the index
   * after it, or -1 when declined (nothing was observed).
   */
  observeAt(bytes: Buffer, start: number, whole = false): number {
    this.pending = 0;
    const end = this.walk(bytes, start, whole);
    if (end < 0) return -1;
    // Committed only now, so that a declined feature adds nothing (JSON.parse may order names otherwise).
    const entries = this.pendingEntries;
    const bits = this.pendingBits;
    for (let i = 0; i < this.pending; i++) {
      const e = entries[i];
      const slot = e.slot ?? (e.slot = this.inference.slot(e.key));
      slot.bits |= bits[i];
    }
    // A string id becomes the attribute "id", after the others, unless the properties have one (toFeature).
    if (this.idStart >= 0 && !this.idInProperties) {
      this.s0 = this.idStart;
      this.s1 = this.idEnd;
      this.inference.slot('id').bits |= stringBits(this.strValue(this.idFlags));
    }
    return end;
  }

  protected properties(): boolean {
    const mark = this.openObject();
    if (mark === 0) return true;
    for (let i = 0; ; i++) {
      const entry = this.memberName(this.keys, i, mark);
      if (entry === null) return false;
      if (entry.isId) this.idInProperties = true;
      const bits = this.valueBits();
      if (bits < 0) return false;
      this.pendingEntries[this.pending] = entry;
      this.pendingBits[this.pending++] = bits;
      const more = this.memberEnd();
      if (more <= 0) return more === 0;
    }
  }

  protected geometry(): boolean {
    return this.skip(1);
  }
}

/**
 * The import-time decoding of a feature into a DecodedFeature: values by field position (as toFeature
 * gives them), and the geometry as a FlatGeometry.
 */
export class FeatureDecoder extends FeatureWalk {
  private out!: DecodedFeature;
  private readonly idField: number;
  private readonly fieldCount: number;
  /** Nesting depth of the first position found (-1: none yet), and the counts written so far. */
  private positionDepth = -1;
  private nCounts = 0;
  private geometryType = 0;

  constructor(fields: readonly { key: string }[]) {
    const index = new Map(fields.map((f, i) => [f.key, i]));
    super((key) => index.get(key) ?? -1);
    this.idField = index.get('id') ?? -1;
    this.fieldCount = fields.length;
  }

  /** Decodes one feature into `out`; false when declined (take the general path). */
  decode(bytes: Buffer, index: number, out: DecodedFeature): boolean {
    this.out = out;
    out.index = index;
    if (out.values.length !== this.fieldCount) out.values = new Array(this.fieldCount);
    out.values.fill(undefined);
    this.geometryType = 0;
    if (this.walk(bytes, 0, true) < 0 || this.geometryType === 0) return false;
    if (this.idStart >= 0 && !this.idInProperties && this.idField >= 0) {
      this.s0 = this.idStart;
      this.s1 = this.idEnd;
      out.values[this.idField] = this.strValue(this.idFlags);
    }
    return true;
  }

  protected properties(): boolean {
    const mark = this.openObject();
    if (mark === 0) return true;
    const values = this.out.values;
    for (let i = 0; ; i++) {
      const entry = this.memberName(this.keys, i, mark);
      if (entry === null) return false;
      if (entry.isId) this.idInProperties = true;
      const v = this.value();
      if (v === DECLINE) return false;
      if (entry.field >= 0) values[entry.field] = v;
      const more = this.memberEnd();
      if (more <= 0) return more === 0;
    }
  }

  /** A geometry object with "type" and "coordinates"; anything else is declined. */
  protected geometry(): boolean {
    const b = this.b;
    if (b[this.p] !== LBRACE) return false;
    const g = this.out.geometry;
    let type = 0;
    let hasCoordinates = false;
    const mark = this.openObject();
    let ok = mark !== 0;
    for (let i = 0; ok; i++) {
      const entry = this.memberName(this.geometryKeys, i, mark);
      if (entry === null) return false;
      const k = entry.bytes;
      if (same(TYPE, k, 0, k.length)) {
        if (b[this.p] !== QUOTE || this.str() !== 0) return false;
        for (let t = 1; t <= 6; t++) {
          if (same(GEOMETRY_NAMES[t], b, this.s0, this.s1)) {
            type = t;
            break;
          }
        }
        if (type === 0) return false;
      } else if (same(COORDINATES, k, 0, k.length)) {
        if (b[this.p] !== LBRACKET) return false;
        this.positionDepth = -1;
        this.nCounts = g.start = 1;
        g.points = 0;
        if (!this.coordinates(g, 0)) return false;
        g.end = this.nCounts;
        hasCoordinates = true;
      } else if (!this.skip(2)) return false;
      const more = this.memberEnd();
      if (more < 0) return false;
      ok = more === 1;
    }
    if (type === 0 || !hasCoordinates || POSITION_DEPTH[type] !== this.positionDepth) return false;
    g.type = type;
    this.geometryType = type;
    return true;
  }

  /** A coordinates array at `level`, at its '['; positions must be two finite numbers, all equally deep. */
  private coordinates(g: FlatGeometry, level: number): boolean {
    const b = this.b;
    this.p++;
    this.ws();
    if (b[this.p] === LBRACKET) {
      if (level >= 3 || (this.positionDepth >= 0 && level >= this.positionDepth)) return false;
      if (this.nCounts >= g.counts.length) {
        const grown = new Int32Array(g.counts.length * 2);
        grown.set(g.counts);
        g.counts = grown;
      }
      const slot = this.nCounts++;
      let count = 0;
      for (;;) {
        if (!this.coordinates(g, level + 1)) return false;
        count++;
        this.ws();
        const c = b[this.p];
        if (c === COMMA) {
          this.p++;
          this.ws();
          if (b[this.p] !== LBRACKET) return false;
          continue;
        }
        if (c !== RBRACKET) return false;
        this.p++;
        break;
      }
      g.counts[slot] = count;
      return true;
    }
    if (this.positionDepth < 0) this.positionDepth = level;
    else if (this.positionDepth !== level) return false;
    const x = this.num();
    if (!Number.isFinite(x)) return false;
    this.ws();
    if (b[this.p] !== COMMA) return false;
    this.p++;
    this.ws();
    const y = this.num();
    if (!Number.isFinite(y)) return false;
    this.ws();
    if (b[this.p] !== RBRACKET) return false;
    this.p++;
    const i = g.points * 2;
    if (i + 2 > g.xy.length) {
      const grown = new Float64Array(g.xy.length * 2);
      grown.set(g.xy);
      g.xy = grown;
    }
    g.xy[i] = x;
    g.xy[i + 1] = y;
    g.points++;
    return true;
  }
}
