import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../../shared/analysis/request.ts';
import { AtlasError } from '../../../shared/api/errors.ts';
import { runInWorker, type WorkerLike } from '../../../renderer/analysis/worker-client.ts';
import type { FromWorker, ToWorker } from '../../../renderer/analysis/worker-protocol.ts';
import { toWorkerError } from '../../../renderer/analysis/worker-protocol.ts';

class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const inputs = { facilities: { type: 'FeatureCollection', features: [] }, targets: { type: 'FeatureCollection', features: [] } } as const;
const request = { preset: 'green-5min', mode: 'straight', plan: 'all', layers: { facilities: 'p', targets: 'r' } } as const;
const outcome = { figures: { stages: [], distance: 300 }, layers: { catchment: inputs.facilities, blindSpots: inputs.facilities } } as unknown as AnalysisOutcome;

function start() {
  const worker = new FakeWorker();
  const progress: number[] = [];
  const run = runInWorker(structuredClone(inputs) as never, request, (f) => progress.push(f), () => worker);
  return { worker, progress, run };
}

describe('running an analysis in a worker', () => {
  it('posts the inputs, reports progress and ends the worker with the outcome', async () => {
    const { worker, progress, run } = start();
    expect(worker.posted).toEqual([{ inputs, request }]);
    worker.reply({ type: 'progress', fraction: 0.25 });
    worker.reply({ type: 'progress', fraction: 0.5 });
    worker.reply({ type: 'done', outcome });
    await expect(run.result).resolves.toBe(outcome);
    expect(progress).toEqual([0.25, 0.5]);
    expect(worker.terminated).toBe(true);
  });

  it('keeps the error code of a failed run', async () => {
    const { worker, run } = start();
    worker.reply({ type: 'failed', error: toWorkerError(new AtlasError('invalid_argument', 'A walking analysis needs a street network layer', { layer: 'roads' })) });
    await expect(run.result).rejects.toMatchObject({ code: 'invalid_argument', params: { layer: 'roads' } });
    expect(worker.terminated).toBe(true);
  });

  it('turns an unexpected error into an internal one', async () => {
    const { worker, run } = start();
    worker.reply({ type: 'failed', error: toWorkerError(new TypeError('boom')) });
    await expect(run.result).rejects.toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('cancels at once: the worker is terminated and later messages are ignored', async () => {
    const { worker, progress, run } = start();
    worker.reply({ type: 'progress', fraction: 0.1 });
    run.cancel();
    expect(worker.terminated).toBe(true);
    worker.reply({ type: 'progress', fraction: 0.2 });
    await expect(run.result).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress).toEqual([0.1]);
  });

  it('reports a worker that cannot start', async () => {
    const { worker, run } = start();
    worker.onerror?.({ message: 'Failed to load module script' } as ErrorEvent);
    await expect(run.result).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('Failed to load') });
  });
});
