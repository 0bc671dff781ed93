import { PRESETS, type AnalysisPreset, type PresetId } from '../../shared/analysis/presets.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { Field } from './Field.tsx';
import { formatMetres, formatThreshold } from './figures-format.ts';
import { setPreset } from './panel-actions.ts';

const IDS = Object.keys(PRESETS) as PresetId[];

/** The standard's reach: straight and walking metres, or the tiers by facility size. */
function useReachText(preset: AnalysisPreset): string {
  const { t, lang } = useT();
  if (preset.tiers) {
    const tiers = [...preset.tiers].sort((a, b) => b.minArea - a.minArea);
    return tiers
      .map((tier) => tier.maxArea === undefined
        ? t('analysis.preset.tierFrom', { min: formatMetres(tier.minArea, lang), distance: tier.distance })
        : t('analysis.preset.tierBetween', { min: formatMetres(tier.minArea, lang), max: formatMetres(tier.maxArea, lang), distance: tier.distance }))
      .join('；');
  }
  return t('analysis.preset.reach', { straight: preset.straight, walking: preset.walking });
}

/** The six walking-distance standards, in both languages, with the source and threshold of the one picked. */
export function PresetPicker({ presetId }: { presetId: PresetId }) {
  const { t, lang } = useT();
  const preset = PRESETS[presetId];
  const reach = useReachText(preset);
  return (
    <>
      <Field label={t('analysis.preset.label')} field="preset">
        <select id="analysis-preset" value={presetId} data-testid="analysis-preset" onChange={(e) => setPreset(e.target.value as PresetId)}>
          {IDS.map((id) => (
            <option key={id} value={id}>
              {lang === 'zh' ? `${PRESETS[id].name.zh}（${PRESETS[id].name.en}）` : `${PRESETS[id].name.en} (${PRESETS[id].name.zh})`}
            </option>
          ))}
        </select>
      </Field>
      <div className="preset-standard" data-testid="analysis-preset-standard">
        <p className="preset-name">{pick(preset.name, lang)}</p>
        <p data-testid="analysis-preset-threshold">
          {preset.threshold === null
            ? t('analysis.preset.noThreshold')
            : preset.oldDistrictThreshold === null
              ? t('analysis.preset.threshold', { share: formatThreshold(preset.threshold, lang) })
              : t('analysis.preset.thresholdOld', { share: formatThreshold(preset.threshold, lang), old: formatThreshold(preset.oldDistrictThreshold, lang) })}
        </p>
        <p>{reach}</p>
        <p className="preset-source" data-testid="analysis-preset-source">
          {t('analysis.preset.source')}
          {t(`analysis.sources.${presetId}`)}
        </p>
      </div>
    </>
  );
}
