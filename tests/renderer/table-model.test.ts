import { describe, expect, it } from 'vitest';
import type { LayerAttributes } from '../../shared/api/transfer.ts';
import { getKind } from '../../shared/layers/index.ts';
import {
  cellText,
  distinctValues,
  FID_KEY,
  filterRows,
  scrollToShow,
  searchTexts,
  sortedRows,
  tableColumns,
  visibleRange,
} from '../../renderer/table/table-model.ts';

function parks(): LayerAttributes {
  return Object.freeze({
    columns: [
      { key: '名称', type: 'TEXT' },
      { key: '面积', type: 'REAL' },
      { key: 'note', type: 'TEXT' },
    ],
    fids: [1, 2, 3, 4],
    rows: [
      ['南湖公园', 12000, null],
      ['月河公园', 900, 'x'],
      ['子城遗址公园', 100000, ''],
      ['北郊公园', null, 'x'],
    ],
  });
}

describe('attribute table columns', () => {
  it('are labelled from the kind in the UI language, other columns by their names', () => {
    const attrs = parks();
    expect(tableColumns(attrs, getKind('park'), undefined, 'en').map((c) => c.label)).toEqual(['Name', 'Area', 'note']);
    expect(tableColumns(attrs, getKind('park'), undefined, 'zh').map((c) => c.label)).toEqual(['名称', '面积', 'note']);
  });

  it('of a generic layer show the raw keys', () => {
    expect(tableColumns(parks(), getKind('generic'), undefined, 'en').map((c) => c.label)).toEqual(['名称', '面积', 'note']);
  });

  it('know which hold numbers', () => {
    expect(tableColumns(parks(), getKind('generic'), undefined, 'zh').map((c) => c.numeric)).toEqual([false, true, false]);
  });

  it('do not call an empty text column numeric', () => {
    const attrs = { columns: [{ key: '状态', type: '' }, { key: 'n', type: '' }], fids: [1, 2], rows: [[null, 3], ['', null]] };
    expect(tableColumns(attrs, getKind('generic'), undefined, 'zh').map((c) => c.numeric)).toEqual([false, true]);
  });
});

describe('attribute table sorting', () => {
  it('sorts numbers numerically, empty cells last', () => {
    const attrs = parks();
    const cols = tableColumns(attrs, getKind('park'), undefined, 'zh');
    expect(sortedRows(attrs, cols, { key: '面积', dir: 'asc' }, 'zh').map((r) => attrs.fids[r])).toEqual([2, 1, 3, 4]);
    expect(sortedRows(attrs, cols, { key: '面积', dir: 'desc' }, 'zh').map((r) => attrs.fids[r])).toEqual([3, 1, 2, 4]);
  });

  it('sorts Chinese text in pinyin order', () => {
    const attrs = parks();
    const cols = tableColumns(attrs, getKind('park'), undefined, 'zh');
    // běi, nán, yuè, zǐ
    expect(sortedRows(attrs, cols, { key: '名称', dir: 'asc' }, 'zh').map((r) => attrs.fids[r])).toEqual([4, 1, 2, 3]);
  });

  it('sorts by feature id', () => {
    const attrs = parks();
    expect(sortedRows(attrs, [], { key: FID_KEY, dir: 'desc' }, 'zh')).toEqual([3, 2, 1, 0]);
  });

  it('keeps the read order without a sort', () => {
    expect(sortedRows(parks(), [], null, 'zh')).toEqual([0, 1, 2, 3]);
  });
});

describe('attribute table search and filter', () => {
  it('finds text in any column, ignoring case', () => {
    const attrs = parks();
    expect(filterRows([0, 1, 2, 3], attrs.rows, searchTexts(attrs.rows), '  X ', null)).toEqual([1, 3]);
    expect(filterRows([0, 1, 2, 3], attrs.rows, searchTexts(attrs.rows), '900', null)).toEqual([1]);
  });

  it('filters by a column value, empty cells by ""', () => {
    const attrs = parks();
    const texts = searchTexts(attrs.rows);
    expect(filterRows([3, 2, 1, 0], attrs.rows, texts, '', { index: 2, value: 'x' })).toEqual([3, 1]);
    expect(filterRows([0, 1, 2, 3], attrs.rows, texts, '', { index: 2, value: '' })).toEqual([0, 2]);
  });

  it('lists a column\'s distinct values with counts, empty last', () => {
    const attrs = parks();
    const note = tableColumns(attrs, getKind('generic'), undefined, 'zh')[2];
    expect(distinctValues(attrs.rows, note)).toEqual([{ value: 'x', count: 2 }, { value: '', count: 2 }]);
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
