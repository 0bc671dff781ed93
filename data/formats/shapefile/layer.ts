import fs from 'node:fs';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { RawFeature, ReadOptions, SourceFile, SourceLayer } from '../types.ts';
import { decoderFor } from './code-pages.ts';
import { chooseDbfEncoding, dbfFields } from './dbf-encoding.ts';
import { DbfRecords, readDbfHeader, sampleText, type DbfField, type DbfHeader } from './dbf-reader.ts';
import type { ShapefileSet } from './file-sets.ts';
import { crsFromPrj } from './prj.ts';
import { ShpRecords, indexShp } from './shp-reader.ts';

/** Records read between two pauses that let the event loop run (cancellation, progress). */
const YIELD_EVERY = 2000;

/** A small sidecar file (.prj, .cpg) as text; at most 64 KiB are read (an HTML page saved under that name can be big). */
function readSidecar(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

interface Attributes {
  path: string;
  header: DbfHeader;
  fields: DbfField[];
  decode: (b: Uint8Array) => string;
  encoding: string;
}

/** The .dbf of a set read for its fields and encoding, or null (with a note) for geometry only. */
function openAttributes(set: ShapefileSet, shp: SourceFile, opts: ReadOptions, notes: string[]): Attributes | null {
  const { dbf, cpg } = set.parts;
  if (!dbf) {
    if (!opts.allowNoAttributes) {
      throw new AtlasError('needs_input', `${shp.name} has no .dbf: import geometry only? (--no-attributes)`, { file: shp.name });
    }
    notes.push(`${shp.name} has no .dbf: features are imported without attributes`);
    return null;
  }
  const header = readDbfHeader(dbf.path, dbf.name);
  notes.push(...header.notes);
  const cpgText = cpg ? { name: cpg.name, text: readSidecar(cpg.path) } : undefined;
  const choice = chooseDbfEncoding({ dbfName: dbf.name, header, user: opts.encoding, cpg: cpgText, sample: () => sampleText(dbf.path, header) }, notes);
  const decode = decoderFor(choice.encoding);
  return { path: dbf.path, header, fields: dbfFields(header, decode, dbf.name, notes), decode, encoding: choice.encoding };
}

/**
 * Opens one shapefile as a SourceLayer: the .shp indexed (through its .shx, or rebuilt by a scan),
 * the .dbf's fields and encoding settled, the .prj resolved. Features are read record by record
 * each time `features()` is iterated, .shp and .dbf rows kept aligned; a record the .dbf marks
 * deleted is skipped with its shape. Throws AtlasError naming the file for what cannot be read.
 */
export function openShapefile(set: ShapefileSet, opts: ReadOptions): SourceLayer {
  const { shp: given, shx, prj } = set.parts;
  if (!given) {
    const have = Object.values(set.parts).map((f) => f.name).join(', ');
    throw new AtlasError('invalid_file', `${set.base} has no .shp (only ${have}): the shapes are missing`, { file: have });
  }
  const shp = given;
  const index = indexShp(shp.path, shp.name, shx?.path ?? null, shx?.name ?? shp.name.replace(/\.shp$/i, '.shx'));
  const notes = [...index.notes];
  const attrs = openAttributes(set, shp, opts, notes);
  const count = index.offsets.length;
  if (attrs && attrs.header.count !== count) {
    notes.push(`${set.parts.dbf!.name} has ${attrs.header.count} records and ${shp.name} has ${count}: rows are matched in order, missing attributes are empty`);
  }
  const crs = prj ? crsFromPrj(readSidecar(prj.path), prj.name, notes) : null;
  if (!prj) notes.push(`${shp.name} has no .prj: its coordinate system is not declared`);
  const sizeBytes = index.sizeBytes + (attrs?.header.sizeBytes ?? 0);
  let progress = (): number => 0;

  async function* features(signal: AbortSignal | undefined = opts.signal): AsyncGenerator<RawFeature> {
    const shapes = new ShpRecords(shp.path, shp.name, index);
    const rows = attrs ? new DbfRecords(attrs.path, attrs.header, attrs.fields, attrs.decode) : null;
    progress = () => shapes.bytesRead + (rows?.bytesRead ?? 0);
    const empty = Object.fromEntries((attrs?.fields ?? []).map((f) => [f.key, null]));
    try {
      for (let i = 0; i < count; i++) {
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
        if (signal?.aborted) throw new AtlasError('cancelled', `Reading ${shp.name} was cancelled`, { file: shp.name });
        const row = rows?.read(i);
        if (row?.deleted) continue;
        yield { index: i, geometry: shapes.read(i), properties: row ? row.properties : { ...empty } };
      }
    } finally {
      shapes.close();
      rows?.close();
    }
  }

  return {
    name: set.base,
    crs,
    fields: (attrs?.fields ?? []).map((f) => ({ key: f.key, type: f.type })),
    encoding: attrs?.encoding,
    notes,
    features,
    countHint: count,
    sizeBytes,
    bytesRead: () => Math.min(progress(), sizeBytes),
  };
}
