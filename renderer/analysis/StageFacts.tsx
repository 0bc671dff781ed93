import type { ReactNode } from 'react';
import type { AnalysisStage } from '../../shared/analysis/request.ts';
import { useT } from '../i18n/use-t.ts';
import { formatCount, formatHectares, formatShare } from './figures-format.ts';

interface Row {
  key: string;
  label: string;
  cell: (stage: AnalysisStage) => ReactNode;
}

/** The figures under the headline, one column per stage: land covered and not, residents, facilities used. */
export function StageFacts({ stages }: { stages: AnalysisStage[] }) {
  const { t, lang } = useT();
  const land = stages.some((s) => s.coverage.area > 0);
  const residents = stages.some((s) => s.coverage.population !== null);
  const rows: Row[] = land
    ? [
        { key: 'covered-area', label: t('analysis.card.coveredArea'), cell: (s) => t('analysis.card.hectares', { value: formatHectares(s.coverage.coveredArea, lang) }) },
        { key: 'uncovered-area', label: t('analysis.card.uncoveredArea'), cell: (s) => t('analysis.card.hectares', { value: formatHectares(s.coverage.uncoveredArea, lang) }) },
      ]
    : [{ key: 'covered-targets', label: t('analysis.card.coveredTargets'), cell: (s) => `${formatCount(s.coverage.coveredCount, lang)} / ${formatCount(s.coverage.count, lang)}` }];
  if (residents) {
    rows.push({
      key: 'residents',
      label: t('analysis.card.residents'),
      cell: (s) => (s.coverage.population === null ? '—' : `${formatCount(s.coverage.coveredPopulation, lang)} / ${formatCount(s.coverage.population, lang)} (${formatShare(s.coverage.populationShare, lang)})`),
    });
  }
  rows.push({ key: 'facilities', label: t('analysis.card.facilitiesUsed'), cell: (s) => formatCount(s.facilitiesUsed, lang) });
  rows.push({ key: 'blind-spots', label: t('analysis.card.blindSpotCount'), cell: (s) => formatCount(s.blindSpotCount, lang) });
  const compare = stages.length > 1;
  return (
    <table className="stage-facts" data-testid="analysis-facts">
      {compare && (
        <thead>
          <tr>
            <th />
            {stages.map((s) => <th key={s.plan}>{t(`analysis.plans.${s.plan}`)}</th>)}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`analysis-fact-${row.key}`}>
            <th>{row.label}</th>
            {stages.map((s) => <td key={s.plan} className="numeric">{row.cell(s)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
