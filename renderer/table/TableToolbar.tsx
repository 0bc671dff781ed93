import { useMemo } from 'react';
import { Icon } from '../app/icons.tsx';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { layersTopFirst } from '../layers/layer-order.ts';
import { closeAttributeTable, setTableLayer, setTableSearch } from './table-actions.ts';
import type { Cell, TableColumn } from './table-model.ts';
import { useTable } from './table-store.ts';
import { ValueFilterPicker } from './ValueFilterPicker.tsx';

interface Props {
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
  shown: number;
  total: number;
}

/** The table's header: which layer, search, value filter, "显示 N / 共 M", close. */
export function TableToolbar({ columns, rows, shown, total }: Props) {
  const { t } = useT();
  const project = useApp((s) => s.project);
  const layerId = useApp((s) => s.tableLayerId);
  const search = useTable((s) => s.search);
  const layers = useMemo(() => layersTopFirst(project?.layers ?? []), [project]);
  return (
    <header className="table-toolbar">
      <h2>{t('table.title')}</h2>
      <select value={layerId ?? ''} data-testid="attribute-layer" aria-label={t('table.layer')} onChange={(e) => setTableLayer(e.target.value)}>
        {!layerId && <option value="">{t('table.pickLayer')}</option>}
        {layers.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
      </select>
      <input
        type="search"
        className="table-search"
        value={search}
        placeholder={t('table.search')}
        aria-label={t('table.search')}
        data-testid="attribute-search"
        onChange={(e) => setTableSearch(e.target.value)}
      />
      <ValueFilterPicker columns={columns} rows={rows} />
      <span className="table-count" data-testid="attribute-count" data-shown={shown} data-total={total}>
        {t('table.count', { shown: shown.toLocaleString(), total: total.toLocaleString() })}
      </span>
      <button type="button" className="icon-button" data-testid="attribute-close" title={t('common.close')} onClick={closeAttributeTable}>
        <Icon name="close" size={14} />
      </button>
    </header>
  );
}
