import { parseArgs } from 'node:util';
import { createProjectFile } from '../../api/project-session.ts';
import { UsageError } from '../usage.ts';

/** `init FILE.gpkg [--demo|--empty] [--force]` */
export function initCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, empty: { type: 'boolean' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('init takes exactly one project file');
  if (values.demo && values.empty) throw new UsageError('choose either --demo or --empty');
  const file = positionals[0];
  if (!file.toLowerCase().endsWith('.gpkg')) throw new UsageError(`project files end in .gpkg: ${file}`);
  const store = createProjectFile(file, values.empty ? 'empty' : 'demo', values.force);
  const info = store.info();
  store.close();
  const features = info.layers.reduce((n, l) => n + l.featureCount, 0);
  out.write(`Created ${info.path}: ${info.layers.length} layers, ${features} features${info.demo ? ' (synthetic demo data)' : ''}\n`);
  return 0;
}
