import { useMemo } from 'react';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { handleMenuCommand } from '../menu/handle-menu-command.ts';
import { layersTopFirst } from './layer-order.ts';
import { LayerRow } from './LayerRow.tsx';

/** The left panel: the project's layers, top of the map first. */
export function LayerPanel() {
  const { t } = useT();
  const project = useApp((s) => s.project);
  const layers = useMemo(() => layersTopFirst(project?.layers ?? []), [project]);

  return (
    <aside className="layer-panel" data-testid="layer-panel">
      <header className="panel-header">
        <h2>{t('layers.title')}</h2>
        {project && <span className="panel-count">{layers.length}</span>}
      </header>
      {!project && (
        <div className="panel-empty" data-testid="no-project">
          <p>{t('project.noneHint')}</p>
          <button type="button" className="button primary" onClick={() => void handleMenuCommand({ type: 'newProject' })}>
            {t('menu.newProject')}
          </button>
          <button type="button" className="button" onClick={() => void handleMenuCommand({ type: 'openProject' })}>
            {t('menu.openProject')}
          </button>
        </div>
      )}
      {project && layers.length === 0 && <p className="panel-empty">{t('layers.empty')}</p>}
      <ul className="layer-list">
        {layers.map((layer, i) => (
          <LayerRow key={layer.id} layer={layer} isTop={i === 0} isBottom={i === layers.length - 1} />
        ))}
      </ul>
    </aside>
  );
}
