import { useEffect, useMemo } from 'react';
import { getKind } from '../../shared/layers/index.ts';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { loadTable, requestRows, revealRow, selectRow, toggleSort } from './table-actions.ts';
import { tableColumns } from './table-model.ts';
import { useTable } from './table-store.ts';
import { TableResizer } from './TableResizer.tsx';
import { TableToolbar } from './TableToolbar.tsx';
import { VirtualTable } from './VirtualTable.tsx';

/**
 * The attribute table under the map: the chosen layer's rows, sortable, searchable and filterable by a
 * column's value. The host sorts, searches and filters (SQLite); the table reads pages of rows around
 * what is in view, so 100,000 rows open and scroll at once. A row click selects the feature like a map
 * click; a map selection on this layer scrolls to its row.
 */
export function AttributeTablePanel() {
  const { t, lang } = useT();
  const height = useApp((s) => s.tableHeight);
  const layerId = useApp((s) => s.tableLayerId);
  const projectKey = useApp((s) => s.projectKey);
  const layer = useApp((s) => s.project?.layers.find((l) => l.id === s.tableLayerId));
  const selection = useApp((s) => s.selection);
  const { view: anyView, error, sort, appliedSearch, filter, scrollTarget } = useTable((s) => s);
  const baseKey = layer ? `${layer.id}:${projectKey}:${layer.featureCount}` : null;

  useEffect(() => {
    if (layer && baseKey) loadTable(layer.id, baseKey);
  }, [layer, baseKey, sort, appliedSearch, filter]);

  const view = anyView && anyView.baseKey === baseKey ? anyView : null;
  const kind = getKind(layer?.kind ?? 'generic');
  const columns = useMemo(
    () => (view?.ready ? tableColumns(view.columns, view.samples, kind, layer, lang) : []),
    [view?.ready, view?.columns, view?.samples, kind, layer, lang],
  );
  const selectedFid = selection && selection.layerId === layerId ? selection.fid : null;

  // A feature selected (on the map or here) on this layer, or the table opened on it: bring its row into view.
  const readyBase = view?.ready ? view.baseKey : null;
  useEffect(() => {
    if (selectedFid !== null && readyBase) void revealRow(selectedFid);
    // Only when the selection (or the layer) changes: scrolling away afterwards is the user's choice.
  }, [selectedFid, readyBase]);

  return (
    <section className="attribute-panel" style={{ height }} data-testid="attribute-table" data-layer={layerId ?? ''}>
      <TableResizer />
      <TableToolbar columns={columns} baseKey={baseKey} shown={view?.ready ? view.total : 0} total={view?.ready ? view.layerTotal : 0} />
      {!layer && <p className="panel-empty">{t('table.noLayer')}</p>}
      {layer && !error && !view?.ready && <p className="panel-empty">{t('common.loading')}</p>}
      {layer && error && <p className="panel-empty error-text">{t('table.loadFailed')} {error.message}</p>}
      {layer && view?.ready && (
        <VirtualTable
          key={view.baseKey}
          columns={columns}
          view={view}
          sort={sort}
          selectedFid={selectedFid}
          scrollTarget={scrollTarget}
          onRange={requestRows}
          onSort={toggleSort}
          onRowClick={(fid) => void selectRow(layer.id, fid)}
        />
      )}
    </section>
  );
}
