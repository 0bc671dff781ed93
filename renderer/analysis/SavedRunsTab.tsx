import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { loadRuns } from './saved-runs-actions.ts';
import { SavedRunRow } from './SavedRunRow.tsx';

/** The project's saved runs, newest first. */
export function SavedRunsTab() {
  const { t } = useT();
  const runs = useAnalysis((s) => s.runs);
  const loading = useAnalysis((s) => s.runsLoading);
  const error = useAnalysis((s) => s.runsError);
  const shownId = useAnalysis((s) => s.shown?.runId ?? null);
  return (
    <div className="analysis-saved">
      {error && (
        <p className="panel-empty error-text" data-testid="analysis-runs-error">
          {t('analysis.saved.loadFailed')} {error.message}
          <button type="button" className="button" onClick={() => void loadRuns()}>{t('analysis.saved.retry')}</button>
        </p>
      )}
      {!error && loading && !runs && <p className="panel-empty">{t('common.loading')}</p>}
      {!error && runs && runs.length === 0 && <p className="panel-empty" data-testid="analysis-runs-empty">{t('analysis.saved.empty')}</p>}
      {runs && runs.length > 0 && (
        <ul className="saved-runs" data-testid="analysis-runs">
          {runs.map((run) => <SavedRunRow key={run.id} run={run} shownId={shownId} />)}
        </ul>
      )}
    </div>
  );
}
