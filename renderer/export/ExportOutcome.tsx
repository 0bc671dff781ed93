import { useT } from '../i18n/use-t.ts';
import { useExport } from './export-store.ts';

/** Done: "已导出 N 个要素到 …" with the files and notes; failed or cancelled: why. */
export function ExportOutcome() {
  const { t } = useT();
  const result = useExport((s) => s.result);
  const failure = useExport((s) => s.failure);
  if (result) {
    return (
      <section className="export-summary" data-testid="export-summary" data-count={result.count}>
        <p className="ok-text summary-head">{t('export.done', { count: result.count, path: result.files[0] ?? '' })}</p>
        {result.files.length > 1 && (
          <ul className="file-names-list">{result.files.map((f) => <li key={f}>{f}</li>)}</ul>
        )}
        {result.notes.length > 0 && <ul className="import-notes">{result.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      </section>
    );
  }
  if (!failure) return null;
  const cancelled = failure.code === 'cancelled';
  return (
    <section className="import-failure" data-testid="export-failure" data-code={failure.code}>
      <p className={cancelled ? 'summary-head' : 'summary-head error-text'}>{t(cancelled ? 'export.cancelled' : 'export.failed')}</p>
      {!cancelled && <p>{t(`errors.${failure.code}`, { ...failure.params, defaultValue: t('errors.internal') })}</p>}
      {!cancelled && <p className="muted detail">{failure.message}</p>}
    </section>
  );
}
