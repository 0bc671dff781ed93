import { useT } from '../i18n/use-t.ts';
import { setInvalidChoice } from './import-actions.ts';
import { useImport } from './import-store.ts';

/** Features that cannot be imported: skip them (and report them), or do not import at all. */
export function InvalidChoice({ invalidCount }: { invalidCount: number }) {
  const { t } = useT();
  const choice = useImport((s) => s.invalidChoice);
  return (
    <fieldset className="invalid-choice">
      <legend className="warning-text">{t('import.invalidTotal', { count: invalidCount })}</legend>
      <label>
        <input type="radio" name="invalid" checked={choice === 'skip'} data-testid="import-skip-invalid" onChange={() => setInvalidChoice('skip')} />
        {t('import.skipInvalid')}
      </label>
      <label>
        <input type="radio" name="invalid" checked={choice === 'refuse'} data-testid="import-refuse-invalid" onChange={() => setInvalidChoice('refuse')} />
        {t('import.refuseInvalid')}
      </label>
      {choice !== 'skip' && <p className="hint">{t('import.invalidHint')}</p>}
    </fieldset>
  );
}
