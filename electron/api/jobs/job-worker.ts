// A worker thread that runs one import or export, so the host's event loop (and the UI) never waits.
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../../../shared/api/errors.ts';
import { runExport } from '../../../data/export/run-export.ts';
import { runImport } from '../../../data/import/run-import.ts';
import { previewImport } from '../../../data/import/preview.ts';
import { READERS, WRITERS } from '../../../data/formats/registry.ts';
import type { FromWorker, ToWorker } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('job-worker.ts runs only as a worker thread');
const controller = new AbortController();
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') {
    controller.abort();
    return;
  }
  const { job } = msg;
  const run =
    job.kind === 'import'
      ? runImport(job.request, READERS, (processed, total, fraction) => post({ type: 'progress', processed, total, fraction }), controller.signal)
      : job.kind === 'export'
        ? runExport(job.request, WRITERS, (processed, total) => post({ type: 'progress', processed, total, fraction: total ? processed / total : 0 }))
        : previewImport(job.request.files, job.request.options, READERS, controller.signal);
  run.then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'failed', error: controller.signal.aborted ? { code: 'cancelled', message: 'Cancelled; the project is unchanged' } : toErrorData(err) }),
  );
});
