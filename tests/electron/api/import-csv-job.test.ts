// A big CSV imported as a job (worker thread): the status moves during the first pass, and Cancel
// there ends the job with the project unchanged.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/api/transfer.ts';
import { createApiHandlers } from '../../../electron/api/handlers.ts';
import { writeBigCsv } from '../../helpers/big-csv.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

describe('a CSV import job during its first pass', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  beforeEach(() => {
    tmp = makeTempDir();
    handlers = createApiHandlers({ mode: 'browser', dataDir: tmp.dir, projectPath: undefined });
  });
  afterEach(() => {
    handlers.jobs.stopAll();
    handlers.session.close();
    tmp.cleanup();
  });

  it('reports progress above 0% before any feature is written, and cancels there', async () => {
    const csv = path.join(tmp.dir, 'plots.csv');
    writeBigCsv(csv, 200_000);
    const project = (await handlers.projectInfo({})).path;
    const before = await fileHash(project);
    const { jobId } = await handlers.startImport({ files: [csv], layerIndex: 0, target: { mode: 'new', kind: 'generic', title: '地块' }, skipInvalid: false });
    let scanning: JobStatus | null = null;
    for (let i = 0; i < 3000 && !scanning; i++) {
      const s = await handlers.jobStatus({ jobId });
      expect(s.state).toBe('running');
      if (s.progress > 0 && s.processed === 0) scanning = s;
      else await new Promise((r) => setTimeout(r, 10));
    }
    expect(scanning).not.toBeNull();
    expect(scanning!.progress).toBeLessThanOrEqual(0.15);
    await handlers.cancelJob({ jobId });
    const done = await handlers.jobs.wait(jobId, undefined, 20);
    expect(done).toMatchObject({ state: 'cancelled', processed: 0, error: { code: 'cancelled' } });
    expect(await fileHash(project)).toBe(before);
  });
});
