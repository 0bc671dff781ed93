import { useT } from '../i18n/use-t.ts';
import type { AnalysisDraft } from './draft-model.ts';
import { Field } from './Field.tsx';
import { setMode, setPlan } from './panel-actions.ts';

const MODES: AnalysisDraft['mode'][] = ['straight', 'walk'];
const PLANS: AnalysisDraft['plan'][] = ['all', 'before', 'after', 'compare'];

/** Straight line or walking along the streets; which facilities count (before / after the 2023 plan, all, or both compared). */
export function ModePlanFields({ draft }: { draft: AnalysisDraft }) {
  const { t } = useT();
  return (
    <>
      <Field label={t('analysis.mode')} field="mode">
        <div className="radio-row analysis-radios" id="analysis-mode" role="radiogroup">
          {MODES.map((mode) => (
            <label key={mode}>
              <input type="radio" name="analysis-mode" checked={draft.mode === mode} data-testid={`analysis-mode-${mode}`} onChange={() => setMode(mode)} />
              {t(`analysis.modes.${mode}`)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('analysis.plan')} field="plan" hint={t(`analysis.planHints.${draft.plan}`)}>
        <select id="analysis-plan" value={draft.plan} data-testid="analysis-plan" onChange={(e) => setPlan(e.target.value as AnalysisDraft['plan'])}>
          {PLANS.map((plan) => <option key={plan} value={plan}>{t(`analysis.plans.${plan}`)}</option>)}
        </select>
      </Field>
    </>
  );
}
