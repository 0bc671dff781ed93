import { useT } from '../i18n/use-t.ts';
import { useImport } from './import-store.ts';

/** Failed or cancelled: a readable reason; the project is unchanged. */
export function ImportFailure() {
  const { t } = useT();
  const failure = useImport((s) => s.failure);
  if (!failure) return null;
  const cancelled = failure.code === 'cancelled';
  return (
    <section className="import-failure" data-testid="import-failure" data-code={failure.code}>
      <p className={cancelled ? 'summary-head' : 'summary-head error-text'}>{t(cancelled ? 'import.cancelled' : 'import.failed')}</p>
      {!cancelled && <p>{t(`errors.${failure.code}`, { ...failure.params, defaultValue: t('errors.internal') })}</p>}
      <p>{t('import.unchanged')}</p>
      {!cancelled && <p className="muted detail">{failure.message}</p>}
    </section>
  );
}
