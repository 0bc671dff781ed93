import type { AnalysisFigures } from '../../shared/analysis/request.ts';
import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { formatCount, formatHectares, formatShare } from './figures-format.ts';
import { focusResult } from './result-view.ts';

/** Where to build next: the chosen sites in order, with what each adds and the share after it; a click zooms. */
export function SiteList({ sites }: { sites: AnalysisFigures['sites'] }) {
  const { t, lang } = useT();
  const focus = useAnalysis((s) => s.focus);
  if (!sites) return null;
  return (
    <section className="analysis-section-block">
      <h3 className="analysis-section">{t('analysis.card.sites')}</h3>
      <p className="hint">{t('analysis.card.sitesFrom', { share: formatShare(sites.shareBefore, lang) })}</p>
      {sites.picks.length === 0 && <p className="hint" data-testid="analysis-no-sites">{t('analysis.card.noSites')}</p>}
      <ol className="result-list" data-testid="analysis-sites">
        {sites.picks.map((pick, i) => {
          const rank = i + 1;
          const gain = sites.weight === 'population' && pick.gainPopulation !== null
            ? t('analysis.card.gainResidents', { value: formatCount(pick.gainPopulation, lang) })
            : t('analysis.card.gainArea', { value: formatHectares(pick.gainArea, lang) });
          return (
            <li key={rank}>
              <button
                type="button"
                className={`result-item${focus?.layer === 'sites' && focus.rank === rank ? ' focused' : ''}`}
                data-testid={`analysis-site-${rank}`}
                data-gain={pick.gain}
                onClick={() => focusResult('sites', rank)}
              >
                <span className="rank site">{rank}</span>
                <span className="result-name">{sites.candidateNames[i] ?? t('analysis.card.candidate', { index: pick.candidate + 1 })}</span>
                <span className="result-figure">
                  {gain}
                  <span className="muted"> → {formatShare(pick.shareAfter, lang)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
