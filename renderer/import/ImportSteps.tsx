import { useT } from '../i18n/use-t.ts';
import type { ImportStep } from './import-store.ts';

const STEPS = ['preview', 'target', 'run'] as const;

function position(step: ImportStep): number {
  if (step === 'preview') return 0;
  if (step === 'target') return 1;
  return 2;
}

/** "1 预览 · 2 目标 · 3 导入", the current step marked. */
export function ImportSteps({ step }: { step: ImportStep }) {
  const { t } = useT();
  const at = position(step);
  return (
    <ol className="import-steps">
      {STEPS.map((s, i) => (
        <li key={s} className={i === at ? 'current' : i < at ? 'past' : undefined}>
          <span className="step-number">{i + 1}</span>
          {t(`import.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
