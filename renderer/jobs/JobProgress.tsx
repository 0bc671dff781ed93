import type { JobStatus } from '../../shared/api/transfer.ts';
import { useT } from '../i18n/use-t.ts';

interface Props {
  status: JobStatus | null;
  /** Text above the bar ("正在导入 …"). */
  label: string;
  onCancel: () => void;
  cancelling: boolean;
}

/** A running job: progress bar, processed / total, and a Cancel button (import and export share it). */
export function JobProgress({ status, label, onCancel, cancelling }: Props) {
  const { t } = useT();
  const progress = Math.max(0, Math.min(1, status?.progress ?? 0));
  const percent = Math.round(progress * 100);
  // Nothing counted yet (the host is still reading or planning): a moving bar says it is alive.
  const indeterminate = status?.state !== 'done' && progress === 0 && !status?.processed;
  return (
    <div className="job-progress">
      <p className="job-label">{label}</p>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="job-progress" data-state={status?.state ?? 'running'}>
        <div className={`progress-fill${indeterminate ? ' indeterminate' : ''}`} style={indeterminate ? undefined : { width: `${percent}%` }} />
      </div>
      <div className="job-counts">
        <span>
          {status?.total != null
            ? t('jobs.processedOf', { processed: status.processed, total: status.total })
            : t('jobs.processed', { processed: status?.processed ?? 0 })}
        </span>
        <span>{percent}%</span>
      </div>
      <div className="job-actions">
        <button type="button" className="button" data-testid="job-cancel" disabled={cancelling} onClick={onCancel}>
          {cancelling ? t('jobs.cancelling') : t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
