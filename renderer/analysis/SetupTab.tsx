import { useMemo } from 'react';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { DistanceFields } from './DistanceFields.tsx';
import { FilterFields } from './FilterFields.tsx';
import { LayerFields } from './LayerFields.tsx';
import { ModePlanFields } from './ModePlanFields.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { validateDraft } from './request-model.ts';
import { RunBar } from './RunBar.tsx';

/** The analysis form: standard, mode and plan stage, reach, facility filter, layers, sites; then Run. */
export function SetupTab() {
  const { t } = useT();
  const draft = useAnalysis((s) => s.draft);
  const running = useAnalysis((s) => s.running !== null);
  const layers = useApp((s) => s.project?.layers);
  const problems = useMemo(() => (draft ? validateDraft(draft, layers ?? []) : {}), [draft, layers]);
  if (!draft) return <p className="panel-empty">{t('analysis.noProject')}</p>;
  const valid = Object.keys(problems).length === 0;
  return (
    <div className="analysis-setup">
      <fieldset className="analysis-form" disabled={running}>
        <PresetPicker presetId={draft.preset} />
        <ModePlanFields draft={draft} />
        <DistanceFields draft={draft} problems={problems} />
        <FilterFields draft={draft} problems={problems} />
        <h3 className="analysis-section">{t('analysis.layers.title')}</h3>
        <LayerFields draft={draft} problems={problems} />
      </fieldset>
      <RunBar canRun={valid} />
      {!valid && !running && <p className="hint" data-testid="analysis-invalid">{t('analysis.fixFields')}</p>}
    </div>
  );
}
