import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AtlasError } from '../../../shared/api/errors.ts';
import { WRITERS } from '../../../data/formats/registry.ts';
import { runExport } from '../../../data/export/run-export.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

/** `export FILE.gpkg --layer NAME[,NAME] --format F [--crs C] [-o OUT] [--force]` */
export async function exportCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      layer: { type: 'string' },
      format: { type: 'string', default: 'geojson' },
      crs: { type: 'string' },
      'csv-geometry': { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('export takes exactly one project file');
  if (!values.layer) throw new UsageError('export needs --layer NAME (see `renewal-atlas layers FILE`)');
  const format = values.format.toLowerCase();
  const writer = WRITERS.find((w) => w.id === format);
  if (!writer) throw new UsageError(`unknown format "${values.format}"; supported: ${WRITERS.map((w) => w.id).join(', ')}`);
  const csvGeometry = values['csv-geometry'];
  if (csvGeometry && csvGeometry !== 'wkt' && csvGeometry !== 'lonlat') throw new UsageError('--csv-geometry is wkt or lonlat');
  if (!values.output && format !== 'geojson') throw new UsageError(`-o OUT is needed for ${format}`);
  if (values.output && fs.existsSync(values.output) && !values.force) {
    throw new AtlasError('file_exists', `${values.output} already exists (use --force to replace it)`, { file: values.output });
  }
  const store = ProjectStore.open(positionals[0]);
  const layers = store.info().layers;
  store.close();
  const layerIds = values.layer.split(',').map((name) => {
    const layer = layers.find((l) => l.id === name || l.title === name);
    if (!layer) throw new AtlasError('not_found', `No layer "${name}" in ${positionals[0]}; layers: ${layers.map((l) => l.id).join(', ')}`, { layer: name });
    return layer.id;
  });
  const target = values.output ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-export-')), 'out.geojson');
  const result = await runExport(
    { projectPath: positionals[0], layerIds, format, crs: values.crs, csvGeometry: csvGeometry as 'wkt' | 'lonlat' | undefined, path: target, overwrite: values.force },
    WRITERS,
    () => {},
  );
  for (const note of result.notes) err.write(`note: ${note}\n`);
  if (!values.output) {
    out.write(fs.readFileSync(target));
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  } else {
    err.write(`Exported ${result.count} features to ${result.files.join(', ')}\n`);
  }
  return 0;
}
