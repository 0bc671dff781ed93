import type { ImportProblem } from '../../shared/api/transfer.ts';
import { useT } from '../i18n/use-t.ts';

const SHOWN = 8;

/** "要素 17：环未闭合（已修复）" for the first problems; the host's own words as a tooltip. */
export function ProblemRows({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useT();
  return (
    <ul className="problem-rows">
      {problems.slice(0, SHOWN).map((p, i) => (
        <li key={i} className={p.fixed ? 'fixed' : 'invalid'} title={p.message}>
          {t('import.problemRow', {
            n: p.feature + 1,
            what: t(`import.problem.${p.kind}`),
            state: t(p.fixed ? 'import.fixed' : 'import.notImportable'),
          })}
        </li>
      ))}
      {problems.length > SHOWN && <li className="muted">{t('import.moreProblems', { count: problems.length - SHOWN })}</li>}
    </ul>
  );
}
