import { PRESETS, WALKING_SPEED } from '../../shared/analysis/presets.ts';
import { useT } from '../i18n/use-t.ts';
import { presetReach, type AnalysisDraft } from './draft-model.ts';
import { Field } from './Field.tsx';
import { setDistance, setMinutes } from './panel-actions.ts';
import type { DraftProblems } from './request-model.ts';

/** The reach in metres and, beside it, in minutes of walking at 60 m/min; either can be typed. */
export function DistanceFields({ draft, problems }: { draft: AnalysisDraft; problems: DraftProblems }) {
  const { t } = useT();
  const tiered = presetReach(PRESETS[draft.preset], draft.mode) === null;
  const hint = tiered && draft.distance.trim() === '' ? t('analysis.distanceTiered') : t('analysis.speed', { speed: WALKING_SPEED });
  return (
    <Field label={t('analysis.distance')} field="distance" problem={problems.distance} hint={hint}>
      <div className="distance-inputs">
        <input
          id="analysis-distance"
          type="text"
          inputMode="decimal"
          value={draft.distance}
          placeholder={tiered ? t('analysis.bySize') : ''}
          data-testid="analysis-distance"
          aria-invalid={!!problems.distance}
          onChange={(e) => setDistance(e.target.value)}
        />
        <span className="unit">{t('analysis.metres')}</span>
        <span className="distance-equals">≈</span>
        <input
          id="analysis-minutes"
          type="text"
          inputMode="decimal"
          value={draft.minutes}
          data-testid="analysis-minutes"
          aria-label={t('analysis.minutesLabel')}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <span className="unit">{t('analysis.minutes')}</span>
      </div>
    </Field>
  );
}
