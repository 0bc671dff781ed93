import { AtlasError } from '../../../shared/api/errors.ts';
import { parseArgs } from 'node:util';
import type { ImportTarget } from '../../../shared/api/transfer.ts';
import { getKind, isKindId, KIND_IDS } from '../../../shared/layers/registry.ts';
import { READERS } from '../../../data/formats/registry.ts';
import { runImport } from '../../../data/import/run-import.ts';
import { openSource } from '../../../data/import/open-source.ts';
import { matchFields } from '../../../shared/import/field-match.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

/** `import FILE... --into P.gpkg ...`: prints a summary; problems go to stderr. */
export async function importCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      layer: { type: 'string' },
      kind: { type: 'string', default: 'generic' },
      append: { type: 'string' },
      crs: { type: 'string' },
      encoding: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'no-attributes': { type: 'boolean', default: false },
      x: { type: 'string' },
      y: { type: 'string' },
      wkt: { type: 'string' },
      'source-layer': { type: 'string', default: '1' },
    },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one file');
  if (!values.into) throw new UsageError('import needs --into PROJECT.gpkg');
  if (!isKindId(values.kind)) throw new UsageError(`unknown --kind "${values.kind}"; kinds: ${KIND_IDS.join(', ')}`);
  if ((values.x && !values.y) || (values.y && !values.x)) throw new UsageError('--x and --y go together');
  const layerIndex = Number(values['source-layer']) - 1;
  if (!Number.isInteger(layerIndex) || layerIndex < 0) throw new UsageError('--source-layer is a number from 1');
  const options = { crs: values.crs, encoding: values.encoding, x: values.x, y: values.y, wkt: values.wkt, allowNoAttributes: values['no-attributes'] };
  ProjectStore.open(values.into).close(); // a clear message now if the project cannot be opened

  // Opened once, here: the layer list, fields and notes, then the same source goes to the import.
  const source = await openSource(positionals, options, READERS);
  const layer = source.layers[layerIndex];
  if (!layer) throw new UsageError(`the source has ${source.layers.length} layer(s): ${source.layers.map((l, i) => `${i + 1} ${l.name}`).join(', ')}`);
  for (const note of layer.notes) err.write(`note: ${note}\n`);
  const sourceFields = layer.fields.map((f) => f.key);
  const mapping = values.kind === 'generic' ? undefined : matchFields(getKind(values.kind), sourceFields);
  const target: ImportTarget = values.append
    ? { mode: 'append', layerId: values.append }
    : { mode: 'new', kind: values.kind, title: values.layer ?? layer.name, mapping };
  let lastShown = -1;
  const result = await runImport(
    { projectPath: values.into, files: positionals, options, layerIndex, target, skipInvalid: values['skip-invalid'] },
    READERS,
    (processed, _total, fraction) => {
      const pct = Math.floor(fraction * 10);
      if (pct !== lastShown && process.stderr.isTTY) err.write(`\r${processed} features…`);
      lastShown = pct;
    },
    new AbortController().signal,
    source,
  ).catch((e: unknown) => {
    // An invalid feature stopped the import: say which option imports the rest.
    if (e instanceof AtlasError && e.code === 'invalid_file' && e.params.feature !== undefined && !values['skip-invalid']) {
      throw new AtlasError(e.code, `${e.message} (--skip-invalid)`, e.params);
    }
    throw e;
  });
  if (process.stderr.isTTY) err.write('\r');
  for (const p of result.problems) err.write(`${p.fixed ? 'fixed' : 'skipped'}: ${p.message}\n`);
  out.write(
    `Imported ${result.imported} features into layer ${result.layerId} of ${values.into}` +
      `${values.crs ? ` (from ${values.crs})` : layer.crs ? ` (from ${layer.crs.id})` : ''}; skipped ${result.skipped}, fixed ${result.fixed}\n`,
  );
  return 0;
}
