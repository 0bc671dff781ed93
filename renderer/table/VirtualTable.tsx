import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { cellText, FID_KEY, rowAt, scrollToShow, visibleRange, type SortSpec, type TableColumn } from './table-model.ts';
import type { TableState, TableView } from './table-store.ts';
import './table.css';

/** Every row is this tall (px): the visible rows follow from scrollTop alone. */
export const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 28;
const FID_WIDTH = 72;

interface Props {
  columns: readonly TableColumn[];
  /** The rows as far as they are loaded (pages), and how many there are. */
  view: TableView;
  sort: SortSpec | null;
  selectedFid: number | null;
  /** A row to scroll to (a selection made on the map). */
  scrollTarget: TableState['scrollTarget'];
  /** The rows in view changed: [first, end). */
  onRange: (first: number, end: number) => void;
  onSort: (key: string) => void;
  onRowClick: (fid: number) => void;
}

/**
 * A virtualised table: a spacer as tall as all rows, and only the rows in view (plus a few) drawn at
 * their offsets; a row whose page is still being read is drawn as a placeholder. The header sticks to
 * the top and scrolls sideways with the rows.
 */
export function VirtualTable({ columns, view, sort, selectedFid, scrollTarget, onRange, onSort, onRowClick }: Props) {
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);

  useLayoutEffect(() => {
    const el = scroller.current!;
    const measure = () => setViewport(el.clientHeight - HEADER_HEIGHT);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Another sort, search or filter: start at the top of the new rows.
  const queryKey = view.key;
  const shownKey = useRef(queryKey);
  useLayoutEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    const el = scroller.current;
    if (el && el.scrollTop !== 0) el.scrollTop = 0;
    setScrollTop(0);
  }, [queryKey]);

  // A row to bring into view (its index under the current query).
  useEffect(() => {
    const el = scroller.current;
    if (!scrollTarget || !el) return;
    const next = scrollToShow(scrollTarget.index, el.scrollTop, el.clientHeight - HEADER_HEIGHT, ROW_HEIGHT);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [scrollTarget?.seq]);

  const total = view.total;
  const [first, end] = visibleRange(scrollTop, viewport, ROW_HEIGHT, total);
  useEffect(() => {
    onRange(first, end);
  }, [first, end, total, queryKey]);

  const pages = view.pages.size || !view.previous ? view.pages : view.previous;
  const template = [`${FID_WIDTH}px`, ...columns.map((c) => `${c.width}px`)].join(' ');
  const width = FID_WIDTH + columns.reduce((w, c) => w + c.width, 0);
  const arrow = (key: string) => (sort?.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');

  const rows = [];
  for (let index = first; index < end; index++) {
    const row = rowAt(pages, index);
    const style = { gridTemplateColumns: template, transform: `translateY(${index * ROW_HEIGHT}px)` };
    const odd = index % 2 ? ' odd' : '';
    if (!row) {
      rows.push(
        <div key={`p${index}`} role="row" aria-busy="true" className={`vt-row vt-placeholder${odd}`} style={style} data-testid="attribute-placeholder">
          <span className="vt-cell numeric muted">…</span>
        </div>,
      );
      continue;
    }
    const { fid, cells } = row;
    rows.push(
      <div
        key={fid}
        role="row"
        className={`vt-row${fid === selectedFid ? ' selected' : ''}${odd}`}
        style={style}
        data-testid={`attribute-row-${fid}`}
        data-index={index}
        onClick={() => onRowClick(fid)}
      >
        <span className="vt-cell numeric muted">{fid}</span>
        {columns.map((c) => (
          <span key={c.key} className={`vt-cell${c.numeric ? ' numeric' : ''}`} title={cellText(cells[c.index])}>
            {cellText(cells[c.index])}
          </span>
        ))}
      </div>,
    );
  }

  return (
    <div className="vt-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="attribute-scroll">
      <div className="vt-header" role="row" style={{ gridTemplateColumns: template, width }}>
        <button type="button" className="vt-head numeric" onClick={() => onSort(FID_KEY)} title={t('table.sortBy', { name: 'FID' })}>
          FID{arrow(FID_KEY)}
        </button>
        {columns.map((c) => (
          <button
            key={c.key}
            type="button"
            className={`vt-head${c.numeric ? ' numeric' : ''}`}
            data-testid={`attribute-head-${c.key}`}
            title={c.unit ? `${c.label} (${c.unit}) · ${c.key}` : c.key}
            onClick={() => onSort(c.key)}
          >
            {c.label}
            {c.unit && <span className="unit"> ({c.unit})</span>}
            {arrow(c.key)}
          </button>
        ))}
      </div>
      <div className="vt-body" role="rowgroup" style={{ height: total * ROW_HEIGHT, width }}>
        {rows}
      </div>
    </div>
  );
}
