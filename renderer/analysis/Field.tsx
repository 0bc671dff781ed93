import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { DraftField, FieldProblem } from './request-model.ts';

interface Props {
  label: string;
  /** The form field it edits: the control's id is `analysis-<field>`, the inline message's test id `analysis-problem-<field>`. */
  field: DraftField | 'preset' | 'minutes' | 'types' | 'plan' | 'mode';
  problem?: FieldProblem;
  hint?: ReactNode;
  children: ReactNode;
}

/** One row of the analysis form: label, control, a hint, and what is wrong with it, inline. */
export function Field({ label, field, problem, hint, children }: Props) {
  const { t } = useT();
  return (
    <div className={`analysis-field${problem ? ' invalid' : ''}`}>
      <label className="analysis-label" htmlFor={`analysis-${field}`}>{label}</label>
      <div className="analysis-control">
        {children}
        {hint && <p className="hint">{hint}</p>}
        {problem && (
          <p className="field-problem error-text" role="alert" data-testid={`analysis-problem-${field}`}>
            {t(`analysis.invalid.${problem.key}`, problem.params)}
          </p>
        )}
      </div>
    </div>
  );
}
