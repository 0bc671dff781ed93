import { useMemo } from 'react';
import { useT } from '../i18n/use-t.ts';
import { setTableFilter } from './table-actions.ts';
import { distinctValues, EMPTY_CELL, type Cell, type TableColumn } from './table-model.ts';
import { useTable } from './table-store.ts';

interface Props {
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
}

/** A filter on one column's value: pick the column, then one of its distinct values (with counts). */
export function ValueFilterPicker({ columns, rows }: Props) {
  const { t } = useT();
  const filter = useTable((s) => s.filter);
  const column = columns.find((c) => c.key === filter?.key);
  const values = useMemo(() => (column ? distinctValues(rows, column) : []), [rows, column]);
  return (
    <span className="value-filter">
      <select
        value={filter?.key ?? ''}
        data-testid="attribute-filter-column"
        aria-label={t('table.filterColumn')}
        onChange={(e) => {
          const key = e.target.value;
          const col = columns.find((c) => c.key === key);
          setTableFilter(col ? { key, value: distinctValues(rows, col, 1)[0]?.value ?? '' } : null);
        }}
      >
        <option value="">{t('table.noFilter')}</option>
        {columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
      </select>
      {filter && column && (
        <select
          value={filter.value}
          data-testid="attribute-filter-value"
          aria-label={t('table.filterValue')}
          onChange={(e) => setTableFilter({ key: filter.key, value: e.target.value })}
        >
          {values.map((v) => (
            <option key={v.value} value={v.value}>{`${v.value === '' ? EMPTY_CELL : v.value} (${v.count})`}</option>
          ))}
        </select>
      )}
    </span>
  );
}
