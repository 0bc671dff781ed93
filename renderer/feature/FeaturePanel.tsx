import { useEffect, useMemo } from 'react';
import { getKind } from '../../shared/layers/index.ts';
import { dialogHasEscape } from '../app/escape-stack.ts';
import { Icon } from '../app/icons.tsx';
import { appStore, useApp } from '../app/state.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { clearSelection } from './feature-actions.ts';
import { AttributeTable } from './AttributeTable.tsx';
import { attributeRows } from './feature-rows.ts';

/** The right panel: the selected feature's attributes. */
export function FeaturePanel() {
  const { t, lang } = useT();
  const selection = useApp((s) => s.selection);
  const feature = useApp((s) => s.feature);
  const project = useApp((s) => s.project);
  const layer = project?.layers.find((l) => l.id === selection?.layerId);
  const kind = getKind(layer?.kind ?? 'generic');
  useEffect(() => {
    if (!selection) return;
    // Escape deselects, unless a dialog is open (Escape belongs to it then).
    const onKey = (e: KeyboardEvent) => {
      const { dialog, message } = appStore.get();
      if (e.key === 'Escape' && !e.defaultPrevented && !dialog && !message && !dialogHasEscape()) clearSelection();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection]);
  const rows = useMemo(() => (feature ? attributeRows(kind, layer, feature, lang) : []), [kind, layer, feature, lang]);
  if (!selection) return null;
  const name = kind.labelField && feature ? feature.properties[kind.labelField] : null;

  return (
    <aside className="feature-panel" data-testid="feature-panel" data-layer={selection.layerId} data-fid={selection.fid}>
      <header className="panel-header">
        <div className="feature-heading">
          <h2 data-testid="feature-title">{name ?? t('feature.title')}</h2>
          <span className="layer-meta">
            {layer?.title ?? selection.layerId} · {pick(kind.name, lang)} · {t('feature.fid', { fid: selection.fid })}
          </span>
        </div>
        <button type="button" className="icon-button" data-testid="feature-close" title={t('common.close')} onClick={clearSelection}>
          <Icon name="close" size={14} />
        </button>
      </header>
      {!feature && <p className="panel-empty">{t('common.loading')}</p>}
      {feature && <AttributeTable rows={rows} />}
    </aside>
  );
}
