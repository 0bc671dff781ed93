import { useState } from 'react';
import type { AnalysisStage } from '../../shared/analysis/request.ts';
import { useT } from '../i18n/use-t.ts';
import { selectRow } from '../table/table-actions.ts';
import { areaRows, AREAS_LISTED, type AreaSort } from './area-rows.ts';
import { formatChange, formatCount, formatShare } from './figures-format.ts';

const SORTS: AreaSort[] = ['share', 'residents', 'name'];

/**
 * Coverage per residential area (or per school/hospital for point targets): least covered first, or by
 * residents or name; a click selects the area in its layer and zooms to it. Lists the first 200; the
 * run's CSV export has every area.
 */
export function AreaTable({ stages, targetsLayer }: { stages: AnalysisStage[]; targetsLayer: string }) {
  const { t, lang } = useT();
  const [sort, setSort] = useState<AreaSort>('share');
  const all = areaRows(stages, sort);
  if (all.length === 0) return null;
  const rows = all.slice(0, AREAS_LISTED);
  const compare = stages.length > 1;
  const residents = all.some((r) => r.population !== null);
  return (
    <section className="analysis-section-block">
      <h3 className="analysis-section">{t('analysis.areas.title', { count: all.length })}</h3>
      <div className="area-sort" role="group" aria-label={t('analysis.areas.sortBy')}>
        <span className="muted">{t('analysis.areas.sortBy')}</span>
        {SORTS.filter((s) => s !== 'residents' || residents).map((s) => (
          <button key={s} type="button" className={`chip${sort === s ? ' active' : ''}`} aria-pressed={sort === s} data-testid={`analysis-areas-sort-${s}`} onClick={() => setSort(s)}>
            {t(`analysis.areas.sort.${s}`)}
          </button>
        ))}
      </div>
      <div className="area-scroll">
        <table className="analysis-table" data-testid="analysis-areas" data-sort={sort}>
          <thead>
            <tr>
              <th>{t('analysis.areas.name')}</th>
              {compare && <th className="numeric">{t('analysis.plans.before')}</th>}
              <th className="numeric">{compare ? t('analysis.plans.after') : t('analysis.card.share')}</th>
              {compare && <th className="numeric">{t('analysis.card.change')}</th>}
              {residents && <th className="numeric">{t('analysis.areas.residents')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.index}
                className={r.fid === null ? undefined : 'clickable'}
                data-testid={`analysis-area-${r.index}`}
                data-share={r.share}
                data-fid={r.fid ?? ''}
                title={r.fid === null ? undefined : t('analysis.areas.show')}
                onClick={r.fid === null ? undefined : () => void selectRow(targetsLayer, r.fid!)}
              >
                <td>
                  {r.name ?? t('analysis.card.unnamed')}
                  {r.district && <span className="muted area-district">{r.district}</span>}
                </td>
                {compare && <td className="numeric">{formatShare(r.before, lang)}</td>}
                <td className={`numeric${r.share < 1e-9 ? ' error-text' : ''}`}>{formatShare(r.share, lang)}</td>
                {compare && <td className="numeric">{r.before === null ? '—' : formatChange(r.before, r.share, lang)}</td>}
                {residents && <td className="numeric">{r.population === null ? '—' : formatCount(r.population, lang)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {all.length > rows.length && <p className="hint">{t('analysis.areas.more', { shown: rows.length, total: all.length })}</p>}
    </section>
  );
}
