// A big CSV is read twice by an import: a first pass (header, column types, row count), then the
// import itself. The progress bar must move during the first pass, and cancel must work there.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READERS } from '../../../data/formats/registry.ts';
import { runImport, type ImportRequest } from '../../../data/import/run-import.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { writeBigCsv } from '../../helpers/big-csv.ts';
import { fileHash, makeTempDir } from '../../helpers/temp-dir.ts';

describe('the first pass over a big CSV during an import', () => {
  let dir: string;
  let cleanup: () => void;
  let project: string;
  let csv: string;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    project = path.join(dir, 'p.gpkg');
    ProjectStore.create(project, { name: 'p', demo: false, layers: [] }).close();
    csv = path.join(dir, 'plots.csv');
    writeBigCsv(csv, 30_000);
  });
  afterEach(() => cleanup());

  const request = (): ImportRequest => ({
    projectPath: project,
    files: [csv],
    options: {},
    layerIndex: 0,
    target: { mode: 'new', kind: 'generic', title: '地块' },
    skipInvalid: false,
  });

  it('moves the progress while the file is scanned, before any feature is written, and never goes back', async () => {
    const told: { processed: number; fraction: number }[] = [];
    const result = await runImport(request(), READERS, (processed, _total, fraction) => told.push({ processed, fraction }), new AbortController().signal);
    expect(result.imported).toBe(30_000);
    const scanning = told.filter((t) => t.processed === 0);
    expect(scanning.length).toBeGreaterThan(1);
    expect(scanning.some((t) => t.fraction > 0)).toBe(true);
    // The first pass fills the start of the bar only; the import itself the rest.
    expect(Math.max(...scanning.map((t) => t.fraction))).toBeLessThanOrEqual(0.15 + 1e-9);
    expect(told.every((t, i) => i === 0 || t.fraction >= told[i - 1].fraction)).toBe(true);
    expect(told.at(-1)).toEqual({ processed: 30_000, fraction: 1 });
    // Rows, not bytes read ahead, drive the second part: it is not at 100% long before the end.
    const nearlyDone = told.find((t) => t.fraction >= 0.99 && t.processed > 0);
    expect(nearlyDone!.processed).toBeGreaterThan(28_000);
  });

  it('stops with cancelled during the first pass and leaves the project as it was', async () => {
    const before = await fileHash(project);
    const controller = new AbortController();
    const told: number[] = [];
    const err = await runImport(
      request(),
      READERS,
      (processed, _total, fraction) => {
        told.push(processed);
        if (processed === 0 && fraction > 0) controller.abort();
      },
      controller.signal,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'cancelled' });
    expect(told.every((p) => p === 0)).toBe(true);
    expect(await fileHash(project)).toBe(before);
  });
});
