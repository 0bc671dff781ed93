import type { LayerInfo } from '../../shared/api/contract.ts';
import type { LayerAttributes } from '../../shared/api/transfer.ts';
import type { LayerKind } from '../../shared/layers/index.ts';
import type { Language } from '../i18n/i18n.ts';
import { pick } from '../i18n/pick.ts';

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  /** Position of the column's values in each row. */
  index: number;
  /** The kind's label in the UI language; the raw column name for other columns and generic layers. */
  label: string;
  unit?: string;
  numeric: boolean;
  /** Width in px. */
  width: number;
}

export interface SortSpec {
  key: string;
  dir: 'asc' | 'desc';
}

export interface ValueFilter {
  key: string;
  /** The cell's text; '' matches empty cells. */
  value: string;
}

/** Sort key of the feature id column. */
export const FID_KEY = '__fid';

/** Shown for an empty cell. */
export const EMPTY_CELL = '—';

/** Cells as text: integers as written, decimals to two places, empty as a dash. */
export function cellText(value: Cell | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY_CELL;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return value;
}

/** The value a filter compares: the raw text, '' for an empty cell. */
export function cellKey(value: Cell | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Rough width of text in px at 13 px: CJK characters are about twice as wide as Latin ones. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 13 : 7.5;
  return w;
}

/** A column's width from its label and its first values, between 72 and 280 px. */
export function columnWidth(label: string, samples: readonly Cell[]): number {
  let widest = textWidth(label) + 22; // room for the sort arrow
  for (const v of samples) widest = Math.max(widest, textWidth(cellText(v)));
  return Math.round(Math.min(280, Math.max(72, widest + 20)));
}

/** The table's columns, labelled from the layer's kind (Chinese names in Chinese, English in English). */
export function tableColumns(attrs: LayerAttributes, kind: LayerKind, layer: LayerInfo | undefined, lang: Language): TableColumn[] {
  const fieldDefs = new Map(kind.fields.map((f) => [f.key, f]));
  const layerTypes = new Map((layer?.fields ?? []).map((f) => [f.key, f.type]));
  const samples = attrs.rows.slice(0, 200);
  return attrs.columns.map((c, index) => {
    const def = fieldDefs.get(c.key);
    const type = (def?.type ?? layerTypes.get(c.key) ?? c.type).toUpperCase();
    const label = def ? pick(def.label, lang) : c.key;
    const values = samples.map((r) => r[index]).filter((v) => v !== null && v !== '');
    const numeric = /INT|REAL|DOUBLE|FLOAT|NUMERIC/.test(type) || (values.length > 0 && values.every((v) => typeof v === 'number'));
    const unit = def?.unit ? pick(def.unit, lang) : undefined;
    const width = columnWidth(unit ? `${label} (${unit})` : label, samples.map((r) => r[index]));
    return { key: c.key, index, label, unit, numeric, width };
  });
}

/**
 * Row positions sorted by a column: numbers numerically, text in the language's order (pinyin for
 * Chinese); empty cells always last; equal values keep their order (feature id).
 */
export function sortOrder(rows: readonly (readonly Cell[])[], column: TableColumn | undefined, dir: SortSpec['dir'], lang: Language): number[] {
  const order = rows.map((_, i) => i);
  if (!column) return order;
  const i = column.index;
  const sign = dir === 'asc' ? 1 : -1;
  const isEmpty = (v: Cell) => v === null || v === '';
  if (column.numeric) {
    const keys = rows.map((r) => (typeof r[i] === 'number' ? (r[i] as number) : isEmpty(r[i]) ? NaN : Number(r[i])));
    return order.sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
      return (x - y) * sign || a - b;
    });
  }
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const keys = rows.map((r) => cellKey(r[i]));
  return order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === '' || y === '') return x === '' ? (y === '' ? a - b : 1) : -1;
    return collator.compare(x, y) * sign || a - b;
  });
}

/** Row positions in the order a sort asks for: by a column, by feature id, or as read. */
export function sortedRows(data: LayerAttributes, columns: readonly TableColumn[], sort: SortSpec | null, lang: Language): number[] {
  if (sort?.key === FID_KEY) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    return data.fids.map((_, i) => i).sort((a, b) => (data.fids[a] - data.fids[b]) * sign);
  }
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  return sortOrder(data.rows, column, sort?.dir ?? 'asc', lang);
}

/** Each row's cells as one lower-case text, for the search box. */
export function searchTexts(rows: readonly (readonly Cell[])[]): string[] {
  return rows.map((r) => r.map((v) => cellKey(v).toLowerCase()).join('\u0001'));
}

/** The row positions of `order` that contain `query` in any cell and pass the value filter. */
export function filterRows(
  order: readonly number[],
  rows: readonly (readonly Cell[])[],
  texts: readonly string[],
  query: string,
  filter: { index: number; value: string } | null,
): number[] {
  const q = query.trim().toLowerCase();
  if (!q && !filter) return order as number[];
  return order.filter((r) => (!q || texts[r].includes(q)) && (!filter || cellKey(rows[r][filter.index]) === filter.value));
}

/** A column's distinct values with their counts (for the value filter), in the column's order; at most `limit`. */
export function distinctValues(rows: readonly (readonly Cell[])[], column: TableColumn, limit = 1000): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = cellKey(r[column.index]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const values = [...counts.entries()].map(([value, count]) => ({ value, count }));
  values.sort((a, b) => {
    if (a.value === '' || b.value === '') return a.value === '' ? 1 : -1;
    return column.numeric ? Number(a.value) - Number(b.value) : a.value.localeCompare(b.value, 'zh-CN');
  });
  return values.slice(0, limit);
}

/** Which rows a scrolled viewport shows (plus `overscan` above and below): [first, end). */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, end)];
}

/** The scrollTop that brings row position `pos` into view (unchanged when it is already visible). */
export function scrollToShow(pos: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = pos * rowHeight;
  if (top >= scrollTop && top + rowHeight <= scrollTop + viewport) return scrollTop;
  return Math.max(0, top - Math.max(0, (viewport - rowHeight) / 2));
}
