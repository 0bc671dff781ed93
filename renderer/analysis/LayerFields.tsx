import { useMemo } from 'react';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { PRESETS } from '../../shared/analysis/presets.ts';
import { getKind } from '../../shared/layers/index.ts';
import { useApp } from '../app/state.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { layersTopFirst } from '../layers/layer-order.ts';
import type { AnalysisDraft } from './draft-model.ts';
import { Field } from './Field.tsx';
import { patchDraft, setDraftLayer } from './panel-actions.ts';
import type { DraftField, DraftProblems } from './request-model.ts';

interface PickerProps {
  field: DraftField;
  label: string;
  value: string;
  layers: readonly LayerInfo[];
  problems: DraftProblems;
  /** The "none" choice of an optional layer. */
  noneLabel?: string;
  onChange: (layerId: string) => void;
}

/** A project layer to read, listed top of the map first with its kind. */
function LayerPicker({ field, label, value, layers, problems, noneLabel, onChange }: PickerProps) {
  const { t, lang } = useT();
  return (
    <Field label={label} field={field} problem={problems[field]}>
      <select id={`analysis-${field}`} value={value} data-testid={`analysis-layer-${field}`} aria-invalid={!!problems[field]} onChange={(e) => onChange(e.target.value)}>
        <option value="">{noneLabel ?? t('analysis.layers.choose')}</option>
        {layers.map((l) => <option key={l.id} value={l.id}>{`${l.title} · ${pick(getKind(l.kind).name, lang)}`}</option>)}
      </select>
    </Field>
  );
}

/** The layers a run reads: facilities, targets, streets (walking), districts; and "where to build next". */
export function LayerFields({ draft, problems }: { draft: AnalysisDraft; problems: DraftProblems }) {
  const { t, lang } = useT();
  const project = useApp((s) => s.project);
  const layers = useMemo(() => layersTopFirst(project?.layers ?? []), [project]);
  const preset = PRESETS[draft.preset];
  const picker = (role: keyof AnalysisDraft['layers'], label: string, noneLabel?: string) => (
    <LayerPicker field={role} label={label} value={draft.layers[role]} layers={layers} problems={problems} noneLabel={noneLabel} onChange={(id) => setDraftLayer(role, id)} />
  );
  return (
    <>
      {picker('facilities', t('analysis.layers.facilities', { kind: pick(getKind(preset.facilityKind).name, lang) }))}
      {picker('targets', t('analysis.layers.targets', { kind: pick(getKind(preset.target.kind).name, lang) }))}
      {draft.mode === 'walk' && picker('streets', t('analysis.layers.streets'))}
      {picker('districts', t('analysis.layers.districts'), t('analysis.layers.none'))}
      <div className="analysis-field sites-toggle">
        <label className="check-label">
          <input type="checkbox" checked={draft.sitesOn} data-testid="analysis-sites-on" onChange={(e) => patchDraft({ sitesOn: e.target.checked })} />
          {t('analysis.sites.toggle')}
        </label>
      </div>
      {draft.sitesOn && (
        <>
          <LayerPicker field="candidates" label={t('analysis.sites.candidates')} value={draft.candidates} layers={layers} problems={problems} onChange={(id) => patchDraft({ candidates: id })} />
          <Field label={t('analysis.sites.k')} field="k" problem={problems.k} hint={t('analysis.sites.hint')}>
            <input id="analysis-k" type="number" min={1} max={100} step={1} value={draft.k} data-testid="analysis-k" onChange={(e) => patchDraft({ k: e.target.value })} />
          </Field>
        </>
      )}
    </>
  );
}
