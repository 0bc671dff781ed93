import { useMemo } from 'react';
import { Icon } from '../app/icons.tsx';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { layersTopFirst } from '../layers/layer-order.ts';
import { closeAttributeTable, setTableLayer, setTableSearch } from './table-actions.ts';
import type { TableColumn } from './table-model.ts';
import { useTable } from './table-store.ts';
import { ValueFilterPicker } from './ValueFilterPicker.tsx';

interface Props {
  columns: readonly TableColumn[];
  /** The layer and version of its data the table shows (null without a layer). */
  baseKey: string | null;
  /** Rows after search and filter, and in the layer. */
  shown: number;
  total: number;
}

/** The table's header: which layer, search, value filter, "显示 N / 共 M", close. */
export function TableToolbar({ columns, baseKey, shown, total }: Props) {
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
      {layerId && baseKey && <ValueFilterPicker layerId={layerId} baseKey={baseKey} columns={columns} />}
      <span className="table-count" data-testid="attribute-count" data-shown={shown} data-total={total}>
        {t('table.count', { shown: shown.toLocaleString(), total: total.toLocaleString() })}
      </span>
      <button type="button" className="icon-button" data-testid="attribute-close" title={t('common.close')} onClick={closeAttributeTable}>
        <Icon name="close" size={14} />
      </button>
    </header>
  );
}
