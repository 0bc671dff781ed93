import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/transfer.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { followJob } from '../../renderer/jobs/follow-job.ts';

function status(state: JobStatus['state'], processed: number): JobStatus {
  return { jobId: 'j1', kind: 'import', state, progress: processed / 4, processed, total: 4 };
}

/** A host whose job answers the given statuses in turn; cancelJob makes the next answer 'cancelled'. */
function scriptedHost(script: JobStatus[]) {
  const calls: string[] = [];
  let cancelled = false;
  return {
    calls,
    jobStatus: async ({ jobId }: { jobId: string }) => {
      calls.push(`status:${jobId}`);
      if (cancelled) return status('cancelled', 2);
      return script.shift() ?? status('running', 2);
    },
    cancelJob: async ({ jobId }: { jobId: string }) => {
      calls.push(`cancel:${jobId}`);
      cancelled = true;
      return status('running', 2);
    },
  };
}

describe('following a job', () => {
  it('reports every status until the job is done', async () => {
    const host = scriptedHost([status('running', 1), status('running', 3), status('done', 4)]);
    const seen: number[] = [];
    const final = await followJob(host, 'j1', (s) => seen.push(s.processed), 0).finished;
    expect([final.state, seen]).toEqual(['done', [1, 3, 4]]);
  });

  it('ends cancelled after cancel', async () => {
    const host = scriptedHost([]);
    const job = followJob(host, 'j1', () => {}, 1);
    await job.cancel();
    expect((await job.finished).state).toBe('cancelled');
    expect(host.calls).toContain('cancel:j1');
  });

  it('ends failed with the error when the host cannot be asked', async () => {
    const host = {
      jobStatus: async () => {
        throw new AtlasError('io_error', 'host gone');
      },
      cancelJob: async () => status('cancelled', 0),
    };
    const final = await followJob(host, 'j1', () => {}, 0).finished;
    expect([final.state, final.error?.code]).toEqual(['failed', 'io_error']);
  });
});
