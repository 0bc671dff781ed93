import type { TableQuery } from '../../shared/api/analysis-runs.ts';
import type { LayerInfo } from '../../shared/api/contract.ts';
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
  /** A value as stored (from layerColumnValues); null matches empty cells. */
  value: Cell;
}

/** Rows the table asks the host for at a time. */
export const PAGE_SIZE = 200;

/** One page of rows: feature ids and their cells in column order. */
export interface RowsPage {
  fids: number[];
  rows: Cell[][];
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

/**
 * The table's columns, labelled from the layer's kind (Chinese names in Chinese, English in English);
 * widths and "holds numbers" from the first rows read (`samples`).
 */
export function tableColumns(
  columns: readonly { key: string; type: string }[],
  sampleRows: readonly (readonly Cell[])[],
  kind: LayerKind,
  layer: LayerInfo | undefined,
  lang: Language,
): TableColumn[] {
  const fieldDefs = new Map(kind.fields.map((f) => [f.key, f]));
  const layerTypes = new Map((layer?.fields ?? []).map((f) => [f.key, f.type]));
  const samples = sampleRows.slice(0, 200);
  return columns.map((c, index) => {
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

/** What the host is asked for: the sort (none for feature-id order), the search and the value filter. */
export function tableQueryOf(sort: SortSpec | null, search: string, filter: ValueFilter | null): TableQuery {
  const query: TableQuery = {};
  if (sort) {
    if (sort.key !== FID_KEY) query.sortKey = sort.key;
    query.sortDir = sort.dir;
  }
  const text = search.trim();
  if (text) query.search = text;
  if (filter) query.filters = [{ key: filter.key, values: [filter.value] }];
  return query;
}

/** The pages that hold rows [first, end) and `margin` rows either side, within `total` rows. */
export function pagesFor(first: number, end: number, total: number, margin = 50, pageSize = PAGE_SIZE): number[] {
  const from = Math.max(0, first - margin);
  const to = Math.min(total, end + margin);
  const pages: number[] = [];
  for (let p = Math.floor(from / pageSize); p * pageSize < to; p++) pages.push(p);
  return pages;
}

/** Row `index` of the table from its page, or null while that page is not loaded. */
export function rowAt(pages: ReadonlyMap<number, RowsPage>, index: number, pageSize = PAGE_SIZE): { fid: number; cells: readonly Cell[] } | null {
  const page = pages.get(Math.floor(index / pageSize));
  const i = index % pageSize;
  if (!page || i >= page.fids.length) return null;
  return { fid: page.fids[i], cells: page.rows[i] };
}

/** Where feature `fid` sits among the loaded pages, or null when none of them holds it. */
export function loadedIndexOf(pages: ReadonlyMap<number, RowsPage>, fid: number, pageSize = PAGE_SIZE): number | null {
  for (const [p, page] of pages) {
    const i = page.fids.indexOf(fid);
    if (i >= 0) return p * pageSize + i;
  }
  return null;
}

/** Pages to forget when more than `max` are kept: the farthest from the page being looked at. */
export function pagesToEvict(pages: Iterable<number>, around: number, max: number): number[] {
  const all = [...pages];
  if (all.length <= max) return [];
  return all.sort((a, b) => Math.abs(b - around) - Math.abs(a - around)).slice(0, all.length - max);
}

/** A stored value as an <option> value and back (JSON keeps 1 and '1' and empty apart). */
export function optionValue(value: Cell): string {
  return JSON.stringify(value);
}

export function parseOptionValue(text: string): Cell {
  const v = JSON.parse(text) as unknown;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}
