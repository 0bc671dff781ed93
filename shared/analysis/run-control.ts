/** What every long analysis accepts: a progress callback (0 → 1) and a cancel signal. */
export interface RunControl {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** Throws an Error named 'AbortError' when the run was cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('The analysis was cancelled');
    err.name = 'AbortError';
    throw err;
  }
}

/**
 * Reports progress through [from, to] of a run as `done / total` advances, at most every 1 % (a
 * Web Worker posts a message per call), and checks the signal on each step.
 */
export function progressReporter(control: RunControl, total: number, from = 0, to = 1): (done: number) => void {
  let last = -1;
  return (done: number) => {
    throwIfAborted(control.signal);
    if (!control.onProgress) return;
    const f = from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1);
    if (f - last >= 0.01 || (done >= total && last < to)) {
      last = f;
      control.onProgress(f);
    }
  };
}
