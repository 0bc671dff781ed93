import type { FeatureCollection } from 'geojson';
import { topBlindSpots } from '../../shared/analysis/blind-spot-ranks.ts';
import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { formatCount, formatHectares, formatShare } from './figures-format.ts';
import { focusResult } from './result-view.ts';

/** How many blind spots the card lists: the ones affecting most residents. */
export const BLIND_SPOTS_LISTED = 10;

/** The blind spots affecting most residents (top 10); a click outlines one on the map and zooms to it. */
export function BlindSpotList({ layer, total }: { layer: FeatureCollection | undefined; total: number }) {
  const { t, lang } = useT();
  const focus = useAnalysis((s) => s.focus);
  const spots = topBlindSpots(layer, BLIND_SPOTS_LISTED);
  if (spots.length === 0) return null;
  return (
    <section className="analysis-section-block">
      <h3 className="analysis-section">{t('analysis.card.blindSpots', { shown: spots.length, total })}</h3>
      <ol className="result-list" data-testid="analysis-blind-spots">
        {spots.map((p) => (
          <li key={p.rank}>
            <button
              type="button"
              className={`result-item${focus?.layer === 'blindSpots' && focus.rank === p.rank ? ' focused' : ''}`}
              data-testid={`analysis-blind-spot-${p.rank}`}
              onClick={() => focusResult('blindSpots', p.rank)}
            >
              <span className="rank spot">{p.rank}</span>
              <span className="result-name">
                {p.name ?? t('analysis.card.unnamed')}
                {p.district && <span className="muted"> · {p.district}</span>}
              </span>
              <span className="result-figure">
                {p.affected === null
                  ? t('analysis.card.hectares', { value: formatHectares(p.area, lang) })
                  : t('analysis.card.affected', { count: Math.round(p.affected), value: formatCount(p.affected, lang) })}
                <span className="muted"> · {t('analysis.card.uncoveredShare', { share: formatShare(p.uncoveredFraction, lang) })}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
