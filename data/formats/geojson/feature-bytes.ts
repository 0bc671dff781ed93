import { FeatureWalk } from './feature-walk.ts';
import { COMMA, COORDINATES, DECLINE, GEOMETRY_NAMES, type KeyEntry, LBRACE, LBRACKET, POSITION_DEPTH, QUOTE, RBRACKET, TYPE, same } from './json-bytes.ts';
import type { DecodedFeature, FlatGeometry } from '../types.ts';
import { stringBits, type FieldInference } from './fields.ts';

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
