import { useEffect } from 'react';
import { useT } from '../i18n/use-t.ts';
import { loadFilterValues, pickFilterColumn, setTableFilter } from './table-actions.ts';
import { cellText, optionValue, parseOptionValue, type TableColumn } from './table-model.ts';
import { useTable } from './table-store.ts';

interface Props {
  layerId: string;
  /** The layer and version of its data: the values are read again when it changes. */
  baseKey: string;
  columns: readonly TableColumn[];
}

/**
 * A filter on one column's value: pick the column, then one of its distinct values with their counts,
 * most frequent first (read from the host: the whole layer's values, not only the loaded rows).
 */
export function ValueFilterPicker({ layerId, baseKey, columns }: Props) {
  const { t } = useT();
  const filter = useTable((s) => s.filter);
  const filterValues = useTable((s) => s.filterValues);
  const column = columns.find((c) => c.key === filter?.key);
  const values = filterValues && filter && filterValues.key === filter.key && filterValues.baseKey === baseKey ? filterValues : null;

  // A filter kept while the layer's data changed (an import appended rows): read its values again.
  useEffect(() => {
    if (filter && !values) void loadFilterValues(layerId, baseKey, filter.key);
  }, [layerId, baseKey, filter?.key, values === null]);

  const options = values?.values ?? [];
  const current = filter ? optionValue(filter.value) : '';
  const listed = options.some((v) => optionValue(v.value) === current);
  const more = values ? values.distinct - options.length : 0;
  return (
    <span className="value-filter">
      <select
        value={filter?.key ?? ''}
        data-testid="attribute-filter-column"
        aria-label={t('table.filterColumn')}
        onChange={(e) => void pickFilterColumn(layerId, baseKey, e.target.value)}
      >
        <option value="">{t('table.noFilter')}</option>
        {columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
      </select>
      {filter && column && (
        <select
          value={current}
          data-testid="attribute-filter-value"
          aria-label={t('table.filterValue')}
          onChange={(e) => setTableFilter({ key: filter.key, value: parseOptionValue(e.target.value) })}
        >
          {!listed && <option value={current}>{cellText(filter.value)}</option>}
          {options.map((v) => (
            <option key={optionValue(v.value)} value={optionValue(v.value)}>{`${cellText(v.value)} (${v.count.toLocaleString()})`}</option>
          ))}
          {more > 0 && <option disabled value="">{t('table.moreValues', { n: more.toLocaleString() })}</option>}
        </select>
      )}
    </span>
  );
}
