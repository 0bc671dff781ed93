import type { SourceFieldType } from '../types.ts';

/**
 * Attribute types inferred from GeoJSON property values, in first-seen key order:
 * only booleans → BOOLEAN; only integers → INTEGER (REAL once a value has a fraction, or is written
 * with a decimal point or exponent like GDAL's `12.0`); only 'YYYY-MM-DD' strings → DATE, with ISO
 * date-times → DATETIME; anything mixed, other strings, objects and arrays (kept as JSON text) → TEXT;
 * only nulls → TEXT.
 */

/** What the values of a field were seen to be, as bits (0 for null). */
export const BOOL = 1, INT = 2, REAL = 4, DATE = 8, DATETIME = 16, TEXT = 32;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATETIME_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function typeOf(bits: number): SourceFieldType {
  if (bits === 0) return 'TEXT';
  if (bits === BOOL) return 'BOOLEAN';
  if ((bits & ~(INT | REAL)) === 0) return bits & REAL ? 'REAL' : 'INTEGER';
  if ((bits & ~(DATE | DATETIME)) === 0) return bits & DATETIME ? 'DATETIME' : 'DATE';
  return 'TEXT';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The bits of a string value: DATE, DATETIME or TEXT. */
export function stringBits(v: string): number {
  if (DATE_RE.test(v)) return DATE;
  if (DATETIME_RE.test(v)) return DATETIME;
  return TEXT;
}

/** One field as inferred so far (see FieldInference.slot). */
export interface FieldSlot {
  readonly key: string;
  bits: number;
}

export class FieldInference {
  private readonly slots = new Map<string, FieldSlot>();
  private readonly realLike = new Map<string, RegExp>();

  /** The field of `key`, added (last, with no type seen yet) when it is new. */
  slot(key: string): FieldSlot {
    let s = this.slots.get(key);
    if (!s) this.slots.set(key, (s = { key, bits: 0 }));
    return s;
  }

  /**
   * Takes one feature's properties (objects already turned into JSON text). `text`, the feature's JSON,
   * tells integral numbers written as reals (`12.0`) apart; pass null when it is not at hand.
   * Returns true when a field was added or widened.
   */
  observe(properties: Record<string, unknown>, text: string | null): boolean {
    let changed = false;
    for (const key in properties) {
      const old = this.slots.get(key);
      const bits = this.bitsOf(key, properties[key], old?.bits ?? 0, text);
      if (old === undefined || (old.bits | bits) !== old.bits) {
        this.slot(key).bits |= bits;
        changed = true;
      }
    }
    return changed;
  }

  private bitsOf(key: string, v: unknown, known: number, text: string | null): number {
    switch (typeof v) {
      case 'boolean':
        return BOOL;
      case 'number':
        if (!Number.isSafeInteger(v)) return REAL;
        if (text !== null && (known & REAL) === 0 && this.writtenAsReal(key, text)) return REAL;
        return INT;
      case 'string':
        if (known & TEXT) return TEXT;
        return stringBits(v);
      default:
        return v === null || v === undefined ? 0 : TEXT;
    }
  }

  /** True when the feature's JSON writes this key's number with a decimal point or an exponent. */
  private writtenAsReal(key: string, text: string): boolean {
    let re = this.realLike.get(key);
    if (!re) {
      re = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*-?\\d+[.eE]`);
      this.realLike.set(key, re);
    }
    return re.test(text);
  }

  /** The fields as inferred so far. */
  fields(): { key: string; type: SourceFieldType }[] {
    return [...this.slots.values()].map(({ key, bits }) => ({ key, type: typeOf(bits) }));
  }
}

