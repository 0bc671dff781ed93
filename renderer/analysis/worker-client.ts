import { AtlasError, type AtlasErrorCode } from '../../shared/api/errors.ts';
import type { AnalysisInputs, AnalysisOutcome, AnalysisRequest } from '../../shared/analysis/request.ts';
import type { FromWorker, ToWorker, WorkerError } from './worker-protocol.ts';

/** The part of a Worker a run uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface WorkerRun {
  /** The outcome; rejects with an AtlasError ('cancelled' after cancel()). */
  result: Promise<AnalysisOutcome>;
  cancel(): void;
}

/** Vite bundles the worker from this exact `new Worker(new URL(...))` form. */
function startWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

const CODES: readonly AtlasErrorCode[] = ['invalid_argument', 'not_found', 'unsupported', 'internal'];

function toAtlas(error: WorkerError): AtlasError {
  if (error.name === 'AbortError') return new AtlasError('cancelled', error.message);
  const code = CODES.find((c) => c === error.code) ?? 'internal';
  return new AtlasError(code, error.message, error.params ?? {});
}

/**
 * Runs one analysis in its own Web Worker: posts the inputs, reports progress, and ends the worker
 * when the run ends. Cancelling terminates the worker at once (the analysis is synchronous inside it).
 */
export function runInWorker(
  inputs: AnalysisInputs,
  request: AnalysisRequest,
  onProgress: (fraction: number) => void,
  createWorker: () => WorkerLike = startWorker,
): WorkerRun {
  const worker = createWorker();
  let settle: { resolve: (o: AnalysisOutcome) => void; reject: (e: AtlasError) => void } | null = null;
  const result = new Promise<AnalysisOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: AnalysisOutcome | AtlasError) => {
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = null;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    if (outcome instanceof AtlasError) reject(outcome);
    else resolve(outcome);
  };
  worker.onmessage = (e) => {
    const message = e.data;
    if (message.type === 'progress') {
      if (settle) onProgress(message.fraction);
    } else if (message.type === 'done') finish(message.outcome);
    else finish(toAtlas(message.error));
  };
  worker.onerror = (e) => finish(new AtlasError('internal', `The analysis worker failed: ${e.message || 'it could not start'}`));
  worker.postMessage({ inputs, request });
  return { result, cancel: () => finish(new AtlasError('cancelled', 'The analysis was cancelled')) };
}
