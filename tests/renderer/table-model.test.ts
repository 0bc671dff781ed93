import { describe, expect, it } from 'vitest';
import { getKind } from '../../shared/layers/index.ts';
import {
  cellText,
  FID_KEY,
  loadedIndexOf,
  optionValue,
  pagesFor,
  pagesToEvict,
  parseOptionValue,
  rowAt,
  scrollToShow,
  tableColumns,
  tableQueryOf,
  visibleRange,
  type Cell,
  type RowsPage,
} from '../../renderer/table/table-model.ts';

const COLUMNS = Object.freeze([
  { key: '名称', type: 'TEXT' },
  { key: '面积', type: 'REAL' },
  { key: 'note', type: 'TEXT' },
]);
const ROWS: Cell[][] = [
  ['南湖公园', 12000, null],
  ['月河公园', 900, 'x'],
  ['子城遗址公园', 100000, ''],
  ['北郊公园', null, 'x'],
];

describe('attribute table columns', () => {
  it('are labelled from the kind in the UI language, other columns by their names', () => {
    expect(tableColumns(COLUMNS, ROWS, getKind('park'), undefined, 'en').map((c) => c.label)).toEqual(['Name', 'Area', 'note']);
    expect(tableColumns(COLUMNS, ROWS, getKind('park'), undefined, 'zh').map((c) => c.label)).toEqual(['名称', '面积', 'note']);
  });

  it('of a generic layer show the raw keys', () => {
    expect(tableColumns(COLUMNS, ROWS, getKind('generic'), undefined, 'en').map((c) => c.label)).toEqual(['名称', '面积', 'note']);
  });

  it('know which hold numbers', () => {
    expect(tableColumns(COLUMNS, ROWS, getKind('generic'), undefined, 'zh').map((c) => c.numeric)).toEqual([false, true, false]);
  });

  it('do not call an empty text column numeric', () => {
    const columns = [{ key: '状态', type: '' }, { key: 'n', type: '' }];
    expect(tableColumns(columns, [[null, 3], ['', null]], getKind('generic'), undefined, 'zh').map((c) => c.numeric)).toEqual([false, true]);
  });

  it('are as wide as their label and first values, within limits', () => {
    const [name, area] = tableColumns(COLUMNS, ROWS, getKind('generic'), undefined, 'zh');
    expect(name.width).toBeGreaterThan(area.width);
    expect(tableColumns(COLUMNS, [], getKind('generic'), undefined, 'zh').every((c) => c.width >= 72 && c.width <= 280)).toBe(true);
  });
});

describe('attribute table queries', () => {
  it('send sort, trimmed search and the value filter to the host', () => {
    expect(tableQueryOf(null, '', null)).toEqual({});
    expect(tableQueryOf({ key: '面积', dir: 'desc' }, '  子城 ', { key: '类型', value: null })).toEqual({
      sortKey: '面积',
      sortDir: 'desc',
      search: '子城',
      filters: [{ key: '类型', values: [null] }],
    });
  });

  it('sort by feature id with a direction only', () => {
    expect(tableQueryOf({ key: FID_KEY, dir: 'desc' }, '   ', null)).toEqual({ sortDir: 'desc' });
  });

  it('keep filter values apart in the picker: numbers, text and empty', () => {
    for (const v of [1, '1', null, '', '南湖', 2.5]) expect(parseOptionValue(optionValue(v))).toBe(v);
    expect(new Set([1, '1', null, ''].map(optionValue)).size).toBe(4);
  });
});

describe('attribute table pages', () => {
  const page = (p: number, n = 200): RowsPage => ({
    fids: Array.from({ length: n }, (_, i) => 1000 + p * 200 + i),
    rows: Array.from({ length: n }, (_, i) => [`r${p * 200 + i}`]),
  });

  it('are read for the rows in view and a margin either side', () => {
    expect(pagesFor(0, 20, 100_000)).toEqual([0]);
    expect(pagesFor(180, 200, 100_000)).toEqual([0, 1]);
    expect(pagesFor(50_000, 50_020, 100_000)).toEqual([249, 250]);
    expect(pagesFor(99_980, 100_000, 100_000)).toEqual([499]);
    expect(pagesFor(0, 0, 0)).toEqual([]);
    expect(pagesFor(0, 3, 3)).toEqual([0]);
  });

  it('give each row from its page, or nothing while the page loads', () => {
    const pages = new Map([[0, page(0)], [2, page(2, 50)]]);
    expect(rowAt(pages, 5)).toEqual({ fid: 1005, cells: ['r5'] });
    expect(rowAt(pages, 250)).toBeNull();
    expect(rowAt(pages, 449)).toEqual({ fid: 1449, cells: ['r449'] });
    expect(rowAt(pages, 450)).toBeNull();
  });

  it('find a loaded feature\'s row', () => {
    const pages = new Map([[3, page(3)]]);
    expect(loadedIndexOf(pages, 1000 + 610)).toBe(610);
    expect(loadedIndexOf(pages, 5)).toBeNull();
  });

  it('are forgotten farthest from the viewport first', () => {
    expect(pagesToEvict([0, 1, 2, 3], 2, 10)).toEqual([]);
    expect(pagesToEvict([0, 1, 2, 3, 9], 2, 3).sort()).toEqual([0, 9]);
  });
});

describe('attribute table virtualisation', () => {
  it('draws only the rows in view plus the overscan', () => {
    expect(visibleRange(26 * 1000, 260, 26, 100_000, 5)).toEqual([995, 1015]);
    expect(visibleRange(0, 260, 26, 3, 5)).toEqual([0, 3]);
  });

  it('scrolls a hidden row to the middle and leaves a visible one alone', () => {
    expect(scrollToShow(10, 0, 520, 26)).toBe(0);
    expect(scrollToShow(500, 0, 520, 26)).toBe(500 * 26 - (520 - 26) / 2);
  });

  it('prints cells plainly', () => {
    expect([cellText(null), cellText(''), cellText(2023), cellText(12.345), cellText('南湖')]).toEqual(['—', '—', '2023', '12.35', '南湖']);
  });
});
