import { useDeferredValue, useEffect, useMemo } from 'react';
import { getKind } from '../../shared/layers/index.ts';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { loadTable, selectRow, toggleSort } from './table-actions.ts';
import { filterRows, searchTexts, sortedRows, tableColumns } from './table-model.ts';
import { useTable } from './table-store.ts';
import { TableResizer } from './TableResizer.tsx';
import { TableToolbar } from './TableToolbar.tsx';
import { VirtualTable } from './VirtualTable.tsx';

/**
 * The attribute table under the map: the chosen layer's rows, sortable, searchable and filterable by a
 * column's value; only the visible rows are drawn, so 100,000 rows scroll smoothly. A row click selects
 * the feature like a map click; a map selection on this layer scrolls to its row.
 */
export function AttributeTablePanel() {
  const { t, lang } = useT();
  const height = useApp((s) => s.tableHeight);
  const layerId = useApp((s) => s.tableLayerId);
  const projectKey = useApp((s) => s.projectKey);
  const layer = useApp((s) => s.project?.layers.find((l) => l.id === s.tableLayerId));
  const selection = useApp((s) => s.selection);
  const { data, loading, error, loadedKey, sort, search, filter } = useTable((s) => s);
  const key = layer ? `${layer.id}:${projectKey}:${layer.featureCount}` : null;

  useEffect(() => {
    if (layer && key) void loadTable(layer.id, key);
  }, [layer, key]);

  const current = data && loadedKey === key ? data : null;
  const kind = getKind(layer?.kind ?? 'generic');
  const columns = useMemo(() => (current ? tableColumns(current, kind, layer, lang) : []), [current, kind, layer, lang]);
  const texts = useMemo(() => (current ? searchTexts(current.rows) : []), [current]);
  const sorted = useMemo(() => (current ? sortedRows(current, columns, sort, lang) : []), [current, columns, sort, lang]);
  const query = useDeferredValue(search);
  const filterColumn = filter ? columns.find((c) => c.key === filter.key) : undefined;
  const order = useMemo(
    () => (current ? filterRows(sorted, current.rows, texts, query, filterColumn && filter ? { index: filterColumn.index, value: filter.value } : null) : []),
    [current, sorted, texts, query, filterColumn, filter],
  );
  const selectedFid = selection && selection.layerId === layerId ? selection.fid : null;

  return (
    <section className="attribute-panel" style={{ height }} data-testid="attribute-table" data-layer={layerId ?? ''}>
      <TableResizer />
      <TableToolbar columns={columns} rows={current?.rows ?? []} shown={order.length} total={current?.rows.length ?? 0} />
      {!layer && <p className="panel-empty">{t('table.noLayer')}</p>}
      {layer && loading && !current && <p className="panel-empty">{t('common.loading')}</p>}
      {layer && error && <p className="panel-empty error-text">{t('table.loadFailed')} {error.message}</p>}
      {layer && current && (
        <VirtualTable
          columns={columns}
          data={current}
          order={order}
          sort={sort}
          selectedFid={selectedFid}
          onSort={toggleSort}
          onRowClick={(fid) => void selectRow(layer.id, fid)}
        />
      )}
    </section>
  );
}
