import { PRESETS } from '../../shared/analysis/presets.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { AreaTable } from './AreaTable.tsx';
import { BlindSpotList } from './BlindSpotList.tsx';
import { CoverageHeadline } from './CoverageHeadline.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import { formatMetres, formatSavedAt } from './figures-format.ts';
import { ResultNotices } from './ResultNotices.tsx';
import { clearResults, zoomToResults } from './result-view.ts';
import { SiteList } from './SiteList.tsx';
import { StageFacts } from './StageFacts.tsx';

/** The summary card of the run shown: headline share(s), figures, districts, blind spots, sites. */
export function ResultTab() {
  const { t, lang } = useT();
  const shown = useAnalysis((s) => s.shown);
  if (!shown) return <p className="panel-empty" data-testid="analysis-no-result">{t('analysis.card.none')}</p>;
  const { request, figures } = shown;
  const stages = figures.stages;
  const reach = figures.distance === null ? t('analysis.bySize') : `${formatMetres(figures.distance, lang)} ${t('analysis.metres')}`;
  return (
    <div className="analysis-result" data-testid="analysis-result" data-run-id={shown.runId ?? ''}>
      <header className="result-head">
        <h3 className="result-title" data-testid="analysis-result-name">{shown.name}</h3>
        <p className="muted">
          {pick(PRESETS[request.preset].name, lang)} · {t(`analysis.modes.${request.mode}`)} · {reach} · {t(`analysis.plans.${request.plan}`)}
        </p>
        <p className="muted">{formatSavedAt(shown.createdAt, lang)}</p>
      </header>
      <ResultNotices shown={shown} />
      <div className="result-actions">
        <button type="button" className="button" data-testid="analysis-zoom" onClick={() => zoomToResults()}>{t('analysis.card.zoom')}</button>
        <button type="button" className="button" data-testid="analysis-clear" onClick={clearResults}>{t('analysis.card.clear')}</button>
      </div>
      <div className="summary-card" data-testid="analysis-card">
        <CoverageHeadline stages={stages} preset={request.preset} />
        <StageFacts stages={stages} />
      </div>
      <DistrictTable stages={stages} />
      <BlindSpotList layer={shown.layers.blindSpots} total={stages[stages.length - 1].blindSpotCount} />
      <AreaTable stages={stages} targetsLayer={request.layers.targets} />
      <SiteList sites={figures.sites} />
      <p className="hint map-key">{t(stages.length > 1 ? 'analysis.card.mapKeyCompare' : 'analysis.card.mapKey')}</p>
    </div>
  );
}
