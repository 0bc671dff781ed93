import { AtlasError } from '../../../shared/api/errors.ts';
import type { ReadOptions, SourceFieldType } from '../types.ts';

/** Column names taken as longitude / latitude (or x / y) and as WKT, in order of preference, lower case. */
export const X_NAMES = ['longitude', 'lon', 'lng', 'long', '经度', '东经', 'point_x', 'x'];
export const Y_NAMES = ['latitude', 'lat', '纬度', '北纬', 'point_y', 'y'];
export const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', '几何'];

/** Where a CSV's geometry comes from: two coordinate columns or one WKT column (column indexes). */
export type CsvGeometrySource = { kind: 'xy'; x: number; y: number } | { kind: 'wkt'; wkt: number };

/** Header names made usable: trimmed, blanks named field_N, repeats suffixed _2, _3… */
export function cleanHeader(row: readonly string[]): string[] {
  const seen = new Set<string>();
  return row.map((raw, i) => {
    const base = raw.trim() || `field_${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function findByName(columns: readonly string[], candidates: readonly string[]): number {
  const lower = columns.map((c) => c.toLowerCase());
  for (const c of candidates) {
    const i = lower.indexOf(c);
    if (i >= 0) return i;
  }
  return -1;
}

function findGiven(columns: readonly string[], name: string, file: string): number {
  const exact = columns.indexOf(name);
  const i = exact >= 0 ? exact : columns.findIndex((c) => c.toLowerCase() === name.trim().toLowerCase());
  if (i < 0) {
    throw new AtlasError('needs_input', `${file}: there is no column "${name}"; columns are: ${columns.join(', ')}`, { file, field: name, columns: [...columns] });
  }
  return i;
}

/**
 * The geometry columns: those named in the options, else a WKT column, else longitude/latitude
 * columns recognised by name. None → needs_input listing the columns, so the user can pick.
 */
export function chooseGeometrySource(columns: readonly string[], opts: ReadOptions, file: string): CsvGeometrySource {
  if (opts.wkt) return { kind: 'wkt', wkt: findGiven(columns, opts.wkt, file) };
  if (opts.x || opts.y) {
    if (!opts.x || !opts.y) {
      throw new AtlasError('needs_input', `${file}: give both the x (longitude) and the y (latitude) column; columns are: ${columns.join(', ')}`, { file, columns: [...columns] });
    }
    return { kind: 'xy', x: findGiven(columns, opts.x, file), y: findGiven(columns, opts.y, file) };
  }
  const wkt = findByName(columns, WKT_NAMES);
  if (wkt >= 0) return { kind: 'wkt', wkt };
  const x = findByName(columns, X_NAMES);
  const y = findByName(columns, Y_NAMES);
  if (x >= 0 && y >= 0) return { kind: 'xy', x, y };
  throw new AtlasError(
    'needs_input',
    `${file}: no longitude/latitude or WKT column found; columns are: ${columns.join(', ')} (use --x COL --y COL or --wkt COL)`,
    { file, columns: [...columns] },
  );
}

const INTEGER = /^[+-]?(0|[1-9]\d*)$/;
const REAL = /^[+-]?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The type a value needs, given the column's type so far (only the tests that can change it are run). */
function widen(current: SourceFieldType | null, value: string): SourceFieldType | null {
  const t = value.trim();
  if (t === '') return current;
  if (current !== 'REAL' && INTEGER.test(t)) return Number.isSafeInteger(Number(t)) ? (current ?? 'INTEGER') : 'TEXT';
  return REAL.test(t) ? 'REAL' : 'TEXT';
}

/**
 * Infers column types over all rows: INTEGER when every value is a whole number (codes with leading
 * zeros and numbers beyond 2^53 stay TEXT), REAL when all are numbers, TEXT otherwise or when empty.
 */
export class ColumnTypes {
  private readonly kinds: (SourceFieldType | null)[];

  constructor(width: number) {
    this.kinds = new Array<SourceFieldType | null>(width).fill(null);
  }

  observe(row: readonly string[]): void {
    const n = Math.min(row.length, this.kinds.length);
    for (let i = 0; i < n; i++) {
      if (this.kinds[i] !== 'TEXT') this.kinds[i] = widen(this.kinds[i], row[i]);
    }
  }

  types(): SourceFieldType[] {
    return this.kinds.map((k) => k ?? 'TEXT');
  }
}

/** A cell as a typed value: null when empty, a number for INTEGER/REAL columns, text otherwise. */
export function cellValue(raw: string | undefined, type: SourceFieldType): string | number | null {
  if (raw === undefined) return null;
  if (raw.trim() === '') return null;
  if (type === 'INTEGER' || type === 'REAL') return Number(raw.trim());
  return raw;
}
