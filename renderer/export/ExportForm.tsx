import { useMemo } from 'react';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { layersTopFirst } from '../layers/layer-order.ts';
import { pickExportPath, setExportDraft } from './export-actions.ts';
import { EXPORT_FORMATS, formatTakesCrs, WGS84, type ExportFormat, type ExportScope } from './export-model.ts';
import { useExport } from './export-store.ts';

const SCOPES: ExportScope[] = ['layer', 'selection', 'project'];

/** The export's choices: what (layer, its selected feature, the whole project), format, CRS, where. */
export function ExportForm() {
  const { t } = useT();
  const draft = useExport((s) => s.draft);
  const crsList = useExport((s) => s.crsList);
  const project = useApp((s) => s.project);
  const selection = useApp((s) => s.selection);
  const layers = useMemo(() => layersTopFirst(project?.layers ?? []), [project]);
  const hasSelection = !!selection && selection.layerId === draft.layerId;
  const crsOptions = crsList.some((c) => c.id === WGS84) ? crsList : [{ id: WGS84, name: 'WGS 84' }, ...crsList];

  return (
    <div className="export-form">
      <fieldset className="radio-column">
        <legend>{t('export.scope')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name="export-scope"
              checked={draft.scope === scope}
              disabled={scope === 'selection' && !hasSelection}
              data-testid={`export-scope-${scope}`}
              onChange={() => setExportDraft({ scope })}
            />
            {t(`export.scopes.${scope}`, { count: project?.layers.length ?? 0 })}
          </label>
        ))}
      </fieldset>
      <dl className="facts">
        {draft.scope !== 'project' && (
          <>
            <dt>{t('export.layer')}</dt>
            <dd>
              <select value={draft.layerId ?? ''} data-testid="export-layer" onChange={(e) => setExportDraft({ layerId: e.target.value })}>
                {layers.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
              </select>
            </dd>
          </>
        )}
        <dt>{t('export.format')}</dt>
        <dd>
          <select value={draft.format} data-testid="export-format" onChange={(e) => setExportDraft({ format: e.target.value as ExportFormat })}>
            {EXPORT_FORMATS.map((f) => <option key={f.id} value={f.id}>{t(`export.formats.${f.id}`)}</option>)}
          </select>
          {draft.scope === 'project' && draft.format !== 'gpkg' && <p className="hint">{t('export.onePerLayer')}</p>}
        </dd>
        {draft.format === 'csv' && (
          <>
            <dt>{t('export.csvGeometry')}</dt>
            <dd>
              <select value={draft.csvGeometry} data-testid="export-csv-geometry" onChange={(e) => setExportDraft({ csvGeometry: e.target.value as 'wkt' | 'lonlat' })}>
                <option value="wkt">{t('export.csvWkt')}</option>
                <option value="lonlat">{t('export.csvLonLat')}</option>
              </select>
            </dd>
          </>
        )}
        <dt>{t('export.crs')}</dt>
        <dd>
          <select
            value={formatTakesCrs(draft.format) ? draft.crs : WGS84}
            disabled={!formatTakesCrs(draft.format)}
            data-testid="export-crs"
            onChange={(e) => setExportDraft({ crs: e.target.value })}
          >
            {crsOptions.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          {!formatTakesCrs(draft.format) && <p className="hint">{t('export.kmlWgs84')}</p>}
        </dd>
        <dt>{t('export.path')}</dt>
        <dd className="path-field">
          <input type="text" value={draft.path} data-testid="export-path" onChange={(e) => setExportDraft({ path: e.target.value })} />
          <button type="button" className="button" data-testid="export-path-pick" onClick={() => void pickExportPath()}>
            {t('export.choose')}
          </button>
        </dd>
      </dl>
    </div>
  );
}
