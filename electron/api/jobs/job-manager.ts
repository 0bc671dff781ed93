import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { ExportResult, ImportPreview, ImportResult, JobStatus } from '../../../shared/api/transfer.ts';
import type { FromWorker, JobSpec, ToWorker } from './messages.ts';
import { jobWorkerSpec } from './worker-entry.ts';


const KEEP_FINISHED = 50;
const CANCEL_GRACE_MS = 10_000;

/**
 * Runs imports and exports in worker threads, one worker per job, and keeps their status for polling.
 * `onDone` runs in the main thread when a job finished well (e.g. to reload the project's layers).
 */
export class JobManager {
  private readonly jobs = new Map<string, { status: JobStatus; worker: Worker | null }>();
  /** Previews are returned whole by run(), not kept in the status. */
  private readonly results = new Map<string, ImportResult | ExportResult | ImportPreview>();

  constructor(private readonly onDone: (status: JobStatus) => void = () => {}) {}

  start(job: JobSpec): { jobId: string } {
    const jobId = crypto.randomUUID();
    const status: JobStatus = { jobId, kind: job.kind === 'export' ? 'export' : 'import', state: 'running', progress: 0, processed: 0, total: null };
    const spec = jobWorkerSpec();
    const worker = new Worker(spec.file, { execArgv: spec.execArgv });
    this.jobs.set(jobId, { status, worker });
    const finish = (patch: Partial<JobStatus>) => {
      if (status.state !== 'running') return;
      Object.assign(status, patch);
      const entry = this.jobs.get(jobId);
      if (entry) entry.worker = null;
      void worker.terminate();
      this.prune();
      if ((status.state as JobStatus['state']) === 'done' && job.kind !== 'preview') this.onDone(status);
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') Object.assign(status, { processed: m.processed, total: m.total, progress: m.fraction });
      else if (m.type === 'done') {
        if (job.kind === 'preview') this.results.set(jobId, m.result);
        finish({ state: 'done', progress: 1, result: job.kind === 'preview' ? undefined : (m.result as ImportResult | ExportResult) });
      }
      else finish({ state: m.error.code === 'cancelled' ? 'cancelled' : 'failed', error: m.error });
    });
    worker.on('error', (err) => finish({ state: 'failed', error: { code: 'internal', message: err.message } }));
    worker.on('exit', (code) => finish({ state: 'failed', error: { code: 'internal', message: `The job stopped unexpectedly (exit ${code})` } }));
    worker.postMessage({ type: 'start', job } satisfies ToWorker);
    return { jobId };
  }

  /** Runs a job to its end and gives its result, or throws its error (e.g. an import preview). */
  async run(job: JobSpec): Promise<ImportResult | ExportResult | ImportPreview> {
    const { jobId } = this.start(job);
    const done = await this.wait(jobId, undefined, 50);
    this.jobs.delete(jobId);
    const result = this.results.get(jobId);
    this.results.delete(jobId);
    if (done.state !== 'done') throw AtlasError.from(done.error ?? { code: 'internal', message: 'The job failed' });
    return (result ?? done.result)!;
  }

  status(jobId: string): JobStatus {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new AtlasError('not_found', `No job ${jobId}`, { job: jobId });
    return { ...entry.status };
  }

  /** Asks the job to stop (it rolls back); ends its worker if it does not stop in time. */
  cancel(jobId: string): JobStatus {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new AtlasError('not_found', `No job ${jobId}`, { job: jobId });
    const worker = entry.worker;
    if (worker && entry.status.state === 'running') {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      setTimeout(() => {
        if (entry.status.state === 'running') {
          entry.status.state = 'cancelled';
          entry.status.error = { code: 'cancelled', message: 'Cancelled; the project is unchanged' };
          void worker.terminate();
        }
      }, CANCEL_GRACE_MS).unref();
    }
    return { ...entry.status };
  }

  /** Waits until a job has finished (for the CLI and tests). */
  async wait(jobId: string, onProgress?: (s: JobStatus) => void, everyMs = 200): Promise<JobStatus> {
    for (;;) {
      const s = this.status(jobId);
      onProgress?.(s);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Ends every running job (on quit). */
  stopAll(): void {
    for (const entry of this.jobs.values()) void entry.worker?.terminate();
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, e]) => e.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
