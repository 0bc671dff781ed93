import type { ImportProblem } from '../../shared/api/transfer.ts';
import { useT } from '../i18n/use-t.ts';
import { problemCounts } from './import-model.ts';
import { ProblemRows } from './ProblemRows.tsx';

interface Props {
  problems: readonly ImportProblem[];
  problemCount: number;
  invalidCount: number;
}

/** Problems the preview found: totals, a count per kind, the first few features named. */
export function ProblemList({ problems, problemCount, invalidCount }: Props) {
  const { t } = useT();
  if (problemCount === 0) return <p className="ok-text" data-testid="import-no-problems">{t('import.noProblems')}</p>;
  return (
    <section className="import-problems" data-testid="import-problems">
      <h3>
        {t('import.problemTotal', { count: problemCount })}
        {invalidCount > 0 && <span className="warning-text"> · {t('import.invalidTotal', { count: invalidCount })}</span>}
      </h3>
      <ul className="problem-kinds">
        {problemCounts(problems).map(({ kind, count }) => (
          <li key={kind}>{t(`import.problem.${kind}`)} × {count}</li>
        ))}
      </ul>
      <ProblemRows problems={problems} />
    </section>
  );
}
