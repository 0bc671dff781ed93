import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { cancelAnalysis, startAnalysis } from './run-actions.ts';

/** The run button; while a run goes, its phase, a progress bar and Cancel; after a failure, what went wrong. */
export function RunBar({ canRun }: { canRun: boolean }) {
  const { t } = useT();
  const running = useAnalysis((s) => s.running);
  const failure = useAnalysis((s) => s.failure);
  const percent = Math.round((running?.progress ?? 0) * 100);
  return (
    <div className="analysis-run-bar">
      {!running && (
        <button type="button" className="button primary" data-testid="analysis-run" disabled={!canRun} onClick={() => void startAnalysis()}>
          {t('analysis.run')}
        </button>
      )}
      {running && (
        <div className="analysis-progress" data-testid="analysis-progress" data-phase={running.phase} data-progress={running.progress}>
          <div className="analysis-progress-head">
            <span>{t(`analysis.phases.${running.phase}`)}</span>
            <span>{percent}%</span>
          </div>
          <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className={`progress-fill${running.phase === 'fetching' ? ' indeterminate' : ''}`} style={running.phase === 'fetching' ? undefined : { width: `${percent}%` }} />
          </div>
          <button type="button" className="button" data-testid="analysis-cancel" disabled={running.phase === 'saving'} onClick={cancelAnalysis}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {!running && failure && (
        <p className={failure.code === 'cancelled' ? 'hint' : 'analysis-failure error-text'} role="alert" data-testid="analysis-failure" data-code={failure.code}>
          {failure.code === 'cancelled'
            ? t('analysis.cancelled')
            : `${t('analysis.failed')} ${t(`errors.${failure.code}`, { ...failure.params, defaultValue: t('errors.internal') })}`}
          {failure.code !== 'cancelled' && <span className="detail">{failure.message}</span>}
        </p>
      )}
    </div>
  );
}
