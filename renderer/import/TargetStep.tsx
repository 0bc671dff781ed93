import { useMemo } from 'react';
import { getKind, KIND_IDS, type KindId } from '../../shared/layers/index.ts';
import { useApp } from '../app/state.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { layersTopFirst } from '../layers/layer-order.ts';
import { setAppendLayer, setTarget, setTargetKind, setTargetMode } from './import-actions.ts';
import { geometryFits, targetFields } from './import-model.ts';
import { useImport } from './import-store.ts';
import { FieldMapping } from './FieldMapping.tsx';
import { InvalidChoice } from './InvalidChoice.tsx';

/** Generic first (keeps every attribute), then the plan's kinds. */
const KIND_ORDER: KindId[] = ['generic', ...KIND_IDS.filter((k) => k !== 'generic')];

/** Step 2: a new layer (title, kind, field mapping) or an existing one to append to; what to do with invalid features. */
export function TargetStep() {
  const { t, lang } = useT();
  const target = useImport((s) => s.target);
  const preview = useImport((s) => s.preview);
  const layerIndex = useImport((s) => s.layerIndex);
  const project = useApp((s) => s.project);
  const projectLayers = useMemo(() => layersTopFirst(project?.layers ?? []), [project]);
  const layer = preview?.layers[layerIndex];
  if (!layer) return null;
  const appendTo = projectLayers.find((l) => l.id === target.appendLayerId);
  const kind = getKind(target.mode === 'new' ? target.kind : (appendTo?.kind ?? 'generic'));
  const fields = target.mode === 'new' ? targetFields(kind) : targetFields(kind, appendTo);
  const geometry = target.mode === 'new' ? kind.geometry : (appendTo?.geometryType ?? 'GEOMETRY');
  const fits = geometryFits(geometry, layer.geometryTypes);
  const sources = layer.fields.map((f) => f.key);

  return (
    <div className="import-target">
      <div className="radio-row">
        <label>
          <input type="radio" name="import-mode" checked={target.mode === 'new'} data-testid="import-mode-new" onChange={() => setTargetMode('new')} />
          {t('import.modeNew')}
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            checked={target.mode === 'append'}
            disabled={projectLayers.length === 0}
            data-testid="import-mode-append"
            onChange={() => setTargetMode('append')}
          />
          {t('import.modeAppend')}
        </label>
      </div>
      <dl className="facts">
        {target.mode === 'new' ? (
          <>
            <dt>{t('import.layerTitle')}</dt>
            <dd>
              <input type="text" value={target.title} maxLength={200} data-testid="import-title" onChange={(e) => setTarget({ title: e.target.value })} />
            </dd>
            <dt>{t('import.kind')}</dt>
            <dd>
              <select value={target.kind} data-testid="import-kind-select" onChange={(e) => setTargetKind(e.target.value as KindId)}>
                {KIND_ORDER.map((id) => (
                  <option key={id} value={id}>
                    {pick(getKind(id).name, lang)}
                    {id === layer.suggestedKind ? ` ${t('import.suggested')}` : ''}
                  </option>
                ))}
              </select>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('import.appendTo')}</dt>
            <dd>
              <select value={target.appendLayerId ?? ''} data-testid="import-append-layer" onChange={(e) => setAppendLayer(e.target.value)}>
                {projectLayers.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
              </select>
            </dd>
          </>
        )}
      </dl>
      {!fits && <p className="warning-text" data-testid="import-geometry-warning">{t('import.geometryMismatch', { types: layer.geometryTypes.join(', ') })}</p>}
      {target.mode === 'new' && kind.id === 'generic' ? (
        <p className="hint">{t('import.genericKeepsAll', { count: sources.length })}</p>
      ) : (
        <FieldMapping fields={fields} sources={sources} mapping={target.mapping} />
      )}
      {layer.invalidCount > 0 && <InvalidChoice invalidCount={layer.invalidCount} />}
    </div>
  );
}
