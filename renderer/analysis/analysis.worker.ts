import { runAnalysis } from '../../shared/analysis/run-analysis.ts';
import { toWorkerError, type FromWorker, type ToWorker } from './worker-protocol.ts';

/**
 * The analysis Web Worker: runs one analysis off the main thread, so the map stays responsive, and
 * posts progress as the analysis reports it (at most every 1 %). runAnalysis is synchronous and holds
 * this thread until it ends, so no message could reach an AbortController while it computes: a cancel
 * terminates the worker instead (worker-client.ts), which stops it at once.
 */

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { inputs, request } = e.data;
  try {
    const outcome = runAnalysis(inputs, request, { onProgress: (fraction) => scope.postMessage({ type: 'progress', fraction }) });
    scope.postMessage({ type: 'done', outcome });
  } catch (err) {
    scope.postMessage({ type: 'failed', error: toWorkerError(err) });
  }
};
