import { parseArgs } from 'node:util';
import type { AnalysisRunSummary } from '../../../shared/api/analysis-runs.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const FORMATS = ['geojson', 'gpkg', 'csv'] as const;

function runId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id < 1) throw new UsageError(`a run id is a whole number ≥ 1, got "${value ?? ''}" (see: renewal-atlas runs FILE)`);
  return id;
}

function withStore<T>(file: string, f: (store: ProjectStore) => T): T {
  const store = ProjectStore.open(file);
  try {
    return f(store);
  } finally {
    store.close();
  }
}

function table(runs: AnalysisRunSummary[]): string {
  const rows = runs.map((r) => [
    String(r.id), r.createdAt.slice(0, 19).replace('T', ' '), `${r.request.preset} ${r.request.mode} ${r.request.plan}`,
    r.shareBefore === null ? pct(r.share) : `${pct(r.shareBefore)} → ${pct(r.share)}`, r.stale ? 'STALE' : 'ok', r.name,
  ]);
  const head = ['id', 'time', 'analysis', 'share', 'inputs', 'name'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/**
 * `runs P.gpkg [--json]` lists saved analysis runs (stale: an input layer changed since);
 * `runs export P.gpkg ID --format geojson|gpkg|csv -o OUT [--force]`; `runs delete P.gpkg ID`;
 * `runs rename P.gpkg ID NAME`.
 */
export async function runsCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
  });
  const [first, ...rest] = positionals;
  switch (first) {
    case 'export': {
      if (rest.length !== 2) throw new UsageError('runs export takes a project file and a run id');
      const format = values.format?.toLowerCase();
      if (!format || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`runs export needs --format ${FORMATS.join('|')}`);
      if (!values.output) throw new UsageError('runs export needs -o OUT');
      const id = runId(rest[1]);
      const result = await withStore(rest[0], (s) => s.runs().export(id, format as (typeof FORMATS)[number], values.output!, values.force));
      for (const note of result.notes) err.write(`note: ${note}\n`);
      out.write(`Exported run ${id} to ${result.files.join(', ')}\n`);
      return 0;
    }
    case 'delete': {
      if (rest.length !== 2) throw new UsageError('runs delete takes a project file and a run id');
      const id = runId(rest[1]);
      withStore(rest[0], (s) => s.runs().delete(id));
      out.write(`Deleted run ${id} and its result tables\n`);
      return 0;
    }
    case 'rename': {
      if (rest.length !== 3) throw new UsageError('runs rename takes a project file, a run id and the new name');
      const id = runId(rest[1]);
      const run = withStore(rest[0], (s) => s.runs().rename(id, rest[2]));
      out.write(`Run ${id} is now "${run.name}"\n`);
      return 0;
    }
    default: {
      if (positionals.length !== 1) throw new UsageError('runs takes one project file (or: runs export|delete|rename FILE ID …)');
      const runs = withStore(first, (s) => s.runs().list());
      if (values.json) out.write(JSON.stringify(runs, null, 2) + '\n');
      else out.write(runs.length ? table(runs) : `No saved analysis runs in ${first} (save one with: renewal-atlas analyze ${first} --preset … --save)\n`);
      return 0;
    }
  }
}
