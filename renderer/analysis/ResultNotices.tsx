import { useT } from '../i18n/use-t.ts';
import type { ShownRun } from './analysis-store.ts';
import { startAnalysis } from './run-actions.ts';

/** Whether the shown run is saved: unsaved (read-only project, or the save failed), or out of date. */
export function ResultNotices({ shown }: { shown: ShownRun }) {
  const { t } = useT();
  return (
    <>
      {shown.unsaved?.reason === 'readOnly' && (
        <p className="notice warning" data-testid="analysis-unsaved" data-reason="readOnly">{t('analysis.card.unsavedReadOnly')}</p>
      )}
      {shown.unsaved?.reason === 'failed' && (
        <p className="notice error" data-testid="analysis-unsaved" data-reason="failed">
          {t('analysis.card.unsavedFailed')} <span className="detail">{shown.unsaved.error.message}</span>
        </p>
      )}
      {shown.runId !== null && !shown.stale && <p className="notice ok" data-testid="analysis-saved">{t('analysis.card.saved')}</p>}
      {shown.stale && (
        <p className="notice warning" data-testid="analysis-stale">
          {t('analysis.card.stale')}{' '}
          <button type="button" className="link-button" onClick={() => void startAnalysis(shown.request)}>{t('analysis.saved.rerun')}</button>
        </p>
      )}
    </>
  );
}
