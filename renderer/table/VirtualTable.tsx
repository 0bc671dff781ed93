import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LayerAttributes } from '../../shared/api/transfer.ts';
import { useT } from '../i18n/use-t.ts';
import { cellText, FID_KEY, scrollToShow, visibleRange, type SortSpec, type TableColumn } from './table-model.ts';

/** Every row is this tall (px): the visible rows follow from scrollTop alone. */
export const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 28;
const FID_WIDTH = 72;

interface Props {
  columns: readonly TableColumn[];
  data: LayerAttributes;
  /** Row positions to show, in display order (sorted and filtered). */
  order: readonly number[];
  sort: SortSpec | null;
  selectedFid: number | null;
  onSort: (key: string) => void;
  onRowClick: (fid: number) => void;
}

/**
 * A virtualised table: a spacer as tall as all rows, and only the rows in view (plus a few) drawn at
 * their offsets. The header sticks to the top and scrolls sideways with the rows.
 */
export function VirtualTable({ columns, data, order, sort, selectedFid, onSort, onRowClick }: Props) {
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

  // A feature selected (on the map or here) on this layer: bring its row into view.
  useEffect(() => {
    const el = scroller.current;
    if (selectedFid === null || !el) return;
    const row = data.fids.indexOf(selectedFid);
    const pos = row < 0 ? -1 : order.indexOf(row);
    if (pos < 0) return;
    const next = scrollToShow(pos, el.scrollTop, el.clientHeight - HEADER_HEIGHT, ROW_HEIGHT);
    if (next !== el.scrollTop) el.scrollTop = next;
    // Only when the selection changes: scrolling away afterwards is the user's choice.
  }, [selectedFid]);

  const [first, end] = visibleRange(scrollTop, viewport, ROW_HEIGHT, order.length);
  const template = [`${FID_WIDTH}px`, ...columns.map((c) => `${c.width}px`)].join(' ');
  const width = FID_WIDTH + columns.reduce((w, c) => w + c.width, 0);
  const arrow = (key: string) => (sort?.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');

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
      <div className="vt-body" role="rowgroup" style={{ height: order.length * ROW_HEIGHT, width }}>
        {order.slice(first, end).map((row, i) => {
          const fid = data.fids[row];
          const cells = data.rows[row];
          return (
            <div
              key={fid}
              role="row"
              className={`vt-row${fid === selectedFid ? ' selected' : ''}${(first + i) % 2 ? ' odd' : ''}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${(first + i) * ROW_HEIGHT}px)` }}
              data-testid={`attribute-row-${fid}`}
              onClick={() => onRowClick(fid)}
            >
              <span className="vt-cell numeric muted">{fid}</span>
              {columns.map((c) => (
                <span key={c.key} className={`vt-cell${c.numeric ? ' numeric' : ''}`} title={cellText(cells[c.index])}>
                  {cellText(cells[c.index])}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
