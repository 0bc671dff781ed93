import type { AnalysisInputs, AnalysisOutcome, AnalysisRequest } from '../../shared/analysis/request.ts';

/** Messages between the analysis panel and its Web Worker (analysis.worker.ts). */

/** One run per worker: the worker is terminated when it ends or is cancelled. */
export interface ToWorker {
  inputs: AnalysisInputs;
  request: AnalysisRequest;
}

/** An error as it crosses to the main thread: AtlasError's code and params survive. */
export interface WorkerError {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type FromWorker =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; outcome: AnalysisOutcome }
  | { type: 'failed'; error: WorkerError };

/** Any thrown value as a WorkerError (AtlasError's code and params kept). */
export function toWorkerError(err: unknown): WorkerError {
  if (err instanceof Error) {
    const { code, params } = err as Error & { code?: unknown; params?: unknown };
    return {
      name: err.name,
      message: err.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(params && typeof params === 'object' ? { params: params as Record<string, string | number> } : {}),
    };
  }
  return { name: 'Error', message: String(err) };
}
