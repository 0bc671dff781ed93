import type { FieldType } from '../../shared/layers/types.ts';
import type { SourceLayer } from '../formats/types.ts';

/** A column of the target table and where its values come from. */
export interface ColumnPlan {
  key: string;
  type: FieldType | 'BOOLEAN' | 'DATETIME';
  /** Source property feeding it, or null (the column stays empty). */
  source: string | null;
}

const RESERVED = new Set(['fid', 'geom']);

/** Column names for a generic layer: every source field, renamed only where SQLite or GeoPackage need it. */
export function genericColumns(layer: SourceLayer): ColumnPlan[] {
  const taken = new Set<string>();
  return layer.fields.map((f, i) => {
    let key = f.key.trim() || `field_${i + 1}`;
    if (RESERVED.has(key.toLowerCase())) key = `${key}_1`;
    let n = 2;
    const base = key;
    while (taken.has(key.toLowerCase())) key = `${base}_${n++}`;
    taken.add(key.toLowerCase());
    return { key, type: f.type, source: f.key };
  });
}

/** Converts a source value to a column's type; undefined when it cannot be (the caller reports it). */
export function convertValue(value: unknown, type: ColumnPlan['type']): string | number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'INTEGER':
    case 'REAL': {
      const n = typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : Number(String(value).replace(/,/g, '').trim());
      if (!Number.isFinite(n)) return undefined;
      // A fraction into an integer column would lose data: report it instead of rounding.
      if (type === 'INTEGER' && !Number.isInteger(n)) return undefined;
      return n;
    }
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (/^(1|true|yes|是|t|y)$/i.test(String(value))) return 1;
      if (/^(0|false|no|否|f|n)$/i.test(String(value))) return 0;
      return undefined;
    default:
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
