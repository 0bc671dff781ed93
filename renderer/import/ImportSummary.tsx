import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { useImport } from './import-store.ts';
import { ProblemRows } from './ProblemRows.tsx';

/** Done: how many features were imported, skipped and fixed, and the first problems. */
export function ImportSummary() {
  const { t } = useT();
  const result = useImport((s) => s.result);
  const title = useApp((s) => s.project?.layers.find((l) => l.id === result?.layerId)?.title);
  if (!result) return null;
  return (
    <section className="import-summary" data-testid="import-summary" data-imported={result.imported} data-layer={result.layerId}>
      <p className="ok-text summary-head">{t('import.done', { count: result.imported, title: title ?? result.layerId })}</p>
      <ul className="summary-counts">
        <li>{t('import.summaryImported', { count: result.imported })}</li>
        <li>{t('import.summarySkipped', { count: result.skipped })}</li>
        <li>{t('import.summaryFixed', { count: result.fixed })}</li>
      </ul>
      {result.problems.length > 0 && <ProblemRows problems={result.problems} />}
    </section>
  );
}
