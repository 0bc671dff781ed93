import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AtlasError } from '../../../shared/api/errors.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

const FORMATS = ['geojson'];

/** `export FILE.gpkg --layer NAME --format geojson [-o OUT] [--force]` */
export function exportCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      layer: { type: 'string' },
      format: { type: 'string', default: 'geojson' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('export takes exactly one project file');
  if (!values.layer) throw new UsageError('export needs --layer NAME (see `renewal-atlas layers FILE`)');
  const format = values.format.toLowerCase();
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; supported: ${FORMATS.join(', ')}`);
  if (values.output && fs.existsSync(values.output) && !values.force) {
    throw new AtlasError('file_exists', `${values.output} already exists (use --force to replace it)`, { file: values.output });
  }
  const store = ProjectStore.open(positionals[0]);
  try {
    const layer = store.info().layers.find((l) => l.id === values.layer || l.title === values.layer);
    if (!layer) {
      const names = store.layers().map((l) => l.id).join(', ');
      throw new AtlasError('not_found', `No layer "${values.layer}" in ${store.path}; layers: ${names}`, { layer: values.layer });
    }
    const fc = store.layerGeoJSON(layer.id);
    const text = JSON.stringify({ type: 'FeatureCollection', name: layer.id, features: fc.features }) + '\n';
    if (values.output) {
      fs.writeFileSync(values.output, text);
      err.write(`Exported ${fc.features.length} features of ${layer.id} to ${values.output}\n`);
    } else {
      out.write(text);
    }
    return 0;
  } finally {
    store.close();
  }
}
