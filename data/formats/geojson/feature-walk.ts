import { BOOL, INT, REAL, TEXT, stringBits } from './fields.ts';
import { BACKSLASH, type Bytes, COLON, COMMA, CR, DECLINE, DOT, FALSE, FEATURE, GEOMETRY, ID, type KeyEntry, Keys, LBRACE, LBRACKET, LF, MAX_DEPTH, MINUS, NINE, NULL, PLUS, POW10, PROPERTIES, QUOTE, RBRACE, RBRACKET, SPACE, TAB, TRUE, TYPE, type Value, ZERO, isDigit4, isHex, same } from './json-bytes.ts';

/** The byte walk both share: JSON grammar, numbers, strings, the feature's own members. */
export abstract class FeatureWalk {
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
