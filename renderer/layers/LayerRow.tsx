import { useEffect, useRef } from 'react';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { getKind } from '../../shared/layers/index.ts';
import { Icon } from '../app/icons.tsx';
import { appStore, useApp } from '../app/state.ts';
import { openExportDialog } from '../export/export-actions.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { zoomToLayer } from '../map/map-actions.ts';
import { moveLayer, setLayerOpacity, setLayerVisible } from './layer-actions.ts';
import { LayerLegend } from './LayerLegend.tsx';
import { openAttributeTable } from '../table/table-actions.ts';

interface Props {
  layer: LayerInfo;
  isTop: boolean;
  isBottom: boolean;
}

/**
 * One layer in the panel: visibility, name, kind, feature count, opacity, order, zoom-to, attribute
 * table, export, legend. The active layer (last imported or clicked) is marked.
 */
export function LayerRow({ layer, isTop, isBottom }: Props) {
  const { t, lang } = useT();
  const kind = getKind(layer.kind);
  const id = layer.id;
  const active = useApp((s) => s.activeLayerId === id);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) row.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const percent = Math.round(layer.opacity * 100);
  return (
    <li
      className={`layer-row${layer.visible ? '' : ' hidden-layer'}${active ? ' active' : ''}`}
      data-testid={`layer-row-${id}`}
      data-active={active || undefined}
      ref={row}
    >
      <div className="layer-head">
        <input
          type="checkbox"
          checked={layer.visible}
          data-testid={`layer-toggle-${id}`}
          aria-label={t('layers.show', { name: layer.title })}
          onChange={(e) => void setLayerVisible(id, e.target.checked)}
        />
        <div className="layer-names" onClick={() => appStore.set({ activeLayerId: id })}>
          <span className="layer-title" title={layer.title}>{layer.title}</span>
          <span className="layer-meta">
            {pick(kind.name, lang)}
            {kind.base && ` · ${t('layers.basemap')}`}
            {' · '}
            <span data-testid={`layer-count-${id}`}>{t('layers.features', { count: layer.featureCount })}</span>
          </span>
        </div>
        <div className="layer-buttons">
          <button type="button" className="icon-button" data-testid={`layer-up-${id}`} title={t('layers.moveUp')}
            disabled={isTop} onClick={() => void moveLayer(id, 'up')}>
            <Icon name="up" size={14} />
          </button>
          <button type="button" className="icon-button" data-testid={`layer-down-${id}`} title={t('layers.moveDown')}
            disabled={isBottom} onClick={() => void moveLayer(id, 'down')}>
            <Icon name="down" size={14} />
          </button>
          <button type="button" className="icon-button" data-testid={`layer-zoom-${id}`} title={t('layers.zoomTo')}
            disabled={!layer.bbox} onClick={() => zoomToLayer(id)}>
            <Icon name="target" size={14} />
          </button>
        </div>
      </div>
      <div className="layer-tools">
        <label className="layer-opacity">
          <span>{t('layers.opacity')}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={percent}
            data-testid={`layer-opacity-${id}`}
            aria-label={t('layers.opacityOf', { name: layer.title })}
            onChange={(e) => setLayerOpacity(id, Number(e.target.value) / 100)}
          />
          <output>{percent}%</output>
        </label>
        <button type="button" className="icon-button" data-testid={`layer-table-${id}`} title={t('layers.attributeTable')}
          onClick={() => openAttributeTable(id)}>
          <Icon name="table" size={14} />
        </button>
        <button type="button" className="icon-button" data-testid={`layer-export-${id}`} title={t('layers.export')}
          onClick={() => openExportDialog(id)}>
          <Icon name="export" size={14} />
        </button>
      </div>
      <LayerLegend layerId={id} entries={kind.legend} />
    </li>
  );
}
