import type { AnalysisStage } from '../../shared/analysis/request.ts';
import { useT } from '../i18n/use-t.ts';
import { formatChange, formatHectares, formatShare } from './figures-format.ts';

/** Coverage per district: its share (before and after in a comparison), land, and whether it meets the standard. */
export function DistrictTable({ stages }: { stages: AnalysisStage[] }) {
  const { t, lang } = useT();
  const last = stages[stages.length - 1];
  if (last.coverage.districts.length === 0) return null;
  const first = stages[0];
  const compare = stages.length > 1;
  return (
    <section className="analysis-section-block">
      <h3 className="analysis-section">{t('analysis.card.districts')}</h3>
      <table className="analysis-table" data-testid="analysis-districts">
        <thead>
          <tr>
            <th>{t('analysis.card.district')}</th>
            {compare && <th className="numeric">{t('analysis.plans.before')}</th>}
            <th className="numeric">{compare ? t('analysis.plans.after') : t('analysis.card.share')}</th>
            {compare && <th className="numeric">{t('analysis.card.change')}</th>}
            {!compare && <th className="numeric">{t('analysis.card.land')}</th>}
            <th>{t('analysis.card.standard')}</th>
          </tr>
        </thead>
        <tbody>
          {last.coverage.districts.map((d) => {
            const before = first.coverage.districts.find((b) => b.name === d.name);
            return (
              <tr key={d.name} data-testid={`analysis-district-${d.name}`} data-share={d.share}>
                <td>
                  {d.name}
                  {d.old && <span className="old-badge">{t('analysis.card.oldDistrict')}</span>}
                </td>
                {compare && <td className="numeric">{formatShare(before?.share ?? null, lang)}</td>}
                <td className="numeric">{formatShare(d.share, lang)}</td>
                {compare && <td className="numeric">{before ? formatChange(before.share, d.share, lang) : '—'}</td>}
                {!compare && <td className="numeric">{t('analysis.card.hectares', { value: formatHectares(d.area, lang) })}</td>}
                <td className={d.met === null ? 'muted' : d.met ? 'ok-text' : 'error-text'}>
                  {d.met === null ? '—' : d.met ? t('analysis.card.metShort') : t('analysis.card.unmetShort')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
