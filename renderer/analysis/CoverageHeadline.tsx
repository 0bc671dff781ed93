import { PRESETS, type PresetId } from '../../shared/analysis/presets.ts';
import type { AnalysisStage } from '../../shared/analysis/request.ts';
import { useT } from '../i18n/use-t.ts';
import { changeTone, formatChange, formatShare, formatThreshold } from './figures-format.ts';
import { thresholdStandard } from './preset-standard.ts';

/** Whether a stage meets its standard's share (named once, in the caption); `sayNone`: say so when there is no standard. */
function Verdict({ stage, testId, sayNone = false }: { stage: AnalysisStage; testId: string; sayNone?: boolean }) {
  const { t } = useT();
  const { threshold, met } = stage.coverage;
  if (threshold === null) return sayNone ? <p className="verdict none" data-testid={testId}>{t('analysis.card.noStandard')}</p> : null;
  return (
    <p className={`verdict ${met ? 'met' : 'unmet'}`} data-testid={testId} data-met={String(met)}>
      {t(met ? 'analysis.card.metShort' : 'analysis.card.unmetShort')}
    </p>
  );
}

/** The standard's share and where it comes from: "target ≥ 90% (GB/T 51346-2019)". */
function Target({ share, preset }: { share: number; preset: PresetId }) {
  const { t, lang } = useT();
  const standard = thresholdStandard(PRESETS[preset]);
  const params = { share: formatThreshold(share, lang), standard };
  return <span data-testid="analysis-threshold"> · {t(standard ? 'analysis.card.targetOf' : 'analysis.card.target', params)}</span>;
}

/** The coverage share, big: one stage, or before and after the plan side by side with the change. */
export function CoverageHeadline({ stages, preset }: { stages: AnalysisStage[]; preset: PresetId }) {
  const { t, lang } = useT();
  if (stages.length === 1) {
    const [stage] = stages;
    return (
      <div className="coverage-headline">
        <div className="coverage-big" data-testid="analysis-share" data-share={stage.coverage.share}>{formatShare(stage.coverage.share, lang)}</div>
        <div className="coverage-caption">
          {t(stage.coverage.area > 0 ? 'analysis.card.shareOfLand' : 'analysis.card.shareOfTargets')}
          {stage.coverage.threshold !== null && <Target share={stage.coverage.threshold} preset={preset} />}
        </div>
        <Verdict stage={stage} testId="analysis-verdict" sayNone />
      </div>
    );
  }
  const [before, after] = stages;
  const tone = changeTone(before.coverage.share, after.coverage.share);
  return (
    <div className="coverage-headline compare">
      <div className="compare-side">
        <div className="compare-label">{t('analysis.plans.before')}</div>
        <div className="coverage-big" data-testid="analysis-share-before" data-share={before.coverage.share}>{formatShare(before.coverage.share, lang)}</div>
        <Verdict stage={before} testId="analysis-verdict-before" />
      </div>
      <div className={`compare-change ${tone}`} data-testid="analysis-change">
        <span className="change-arrow">→</span>
        <span>{t('analysis.card.points', { change: formatChange(before.coverage.share, after.coverage.share, lang) })}</span>
      </div>
      <div className="compare-side">
        <div className="compare-label">{t('analysis.plans.after')}</div>
        <div className="coverage-big" data-testid="analysis-share-after" data-share={after.coverage.share}>{formatShare(after.coverage.share, lang)}</div>
        <Verdict stage={after} testId="analysis-verdict-after" />
      </div>
      <div className="coverage-caption">
        {t(after.coverage.area > 0 ? 'analysis.card.shareOfLand' : 'analysis.card.shareOfTargets')}
        {after.coverage.threshold !== null && <Target share={after.coverage.threshold} preset={preset} />}
      </div>
    </div>
  );
}
