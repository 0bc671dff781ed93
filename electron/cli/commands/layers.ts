import { parseArgs } from 'node:util';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

/** `layers FILE.gpkg [--json]`: top layer first, as in the layer panel. */
export function layersCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('layers takes exactly one project file');
  const store = ProjectStore.open(positionals[0]);
  try {
    const info = store.info();
    const layers = [...info.layers].reverse();
    if (values.json) {
      out.write(JSON.stringify({ path: info.path, name: info.name, demo: info.demo, layers }, null, 2) + '\n');
      return 0;
    }
    const rows = layers.map((l) => [l.id, l.kind, l.geometryType, String(l.featureCount), l.title]);
    const head = ['id', 'kind', 'geometry', 'features', 'title'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i === 4 ? c : c.padEnd(widths[i]))).join('  ');
    out.write(`${info.name}${info.demo ? ' (synthetic demo data)' : ''} — ${info.path}\n`);
    out.write(line(head) + '\n');
    for (const r of rows) out.write(line(r) + '\n');
    return 0;
  } finally {
    store.close();
  }
}
