import type { AtlasApi } from '../../shared/api/contract.ts';
import type { JobStatus } from '../../shared/api/transfer.ts';
import { toAtlasError } from '../api/client.ts';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 250;

export interface FollowedJob {
  /** The last status: done, failed or cancelled. */
  finished: Promise<JobStatus>;
  /** Asks the host to stop the job; `finished` then settles with its final state. */
  cancel(): Promise<void>;
}

type JobApi = Pick<AtlasApi, 'jobStatus' | 'cancelJob'>;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls a host job until it ends, handing every status to `onStatus` (the UI stays responsive: nothing
 * waits on the job itself). A status call that fails ends the job as failed with that error.
 */
export function followJob(
  api: JobApi,
  jobId: string,
  onStatus: (status: JobStatus) => void,
  pollMs: number = JOB_POLL_MS,
): FollowedJob {
  let kind: JobStatus['kind'] = 'import';
  const finished = (async (): Promise<JobStatus> => {
    for (;;) {
      let status: JobStatus;
      try {
        status = await api.jobStatus({ jobId });
      } catch (err) {
        const error = toAtlasError(err);
        status = { jobId, kind, state: 'failed', progress: 0, processed: 0, total: null, error: { code: error.code, message: error.message, params: error.params } };
      }
      kind = status.kind;
      onStatus(status);
      if (status.state !== 'running') return status;
      await wait(pollMs);
    }
  })();
  return {
    finished,
    cancel: async () => {
      try {
        await api.cancelJob({ jobId });
      } catch {
        // a job that has just ended cannot be cancelled; the poll reports how it ended
      }
    },
  };
}
