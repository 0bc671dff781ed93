import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Geometry } from 'geojson';
import { generic, type HeaderMeta } from 'flatgeobuf';
import { fromGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { AtlasError } from '../../../shared/api/errors.ts';
import { resolveCrs } from '../../crs/index.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';
import { plainGeometry } from '../csv/wkt.ts';
import type { FormatReader, RawFeature, SourceFile, SourceLayer } from '../types.ts';
import { headerFields } from './fgb-columns.ts';

const GEOJSON_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection']);

interface Decoded {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

// geojson.deserialize fails on features without geometry (which the format allows), so geometry is
// decoded here with the library's own converter.
const decode: generic.FromFeatureFn = (_id, feature, header) => {
  const g = feature.geometry();
  let geometry: Geometry | null = null;
  if (g) {
    const gj = fromGeometry(g, header.geometryType);
    geometry = GEOJSON_TYPES.has(gj.type) ? plainGeometry(gj) : null;
  }
  const decoded: Decoded = { geometry, properties: generic.parseProperties(feature, header.columns) };
  return decoded as unknown as generic.IFeature;
};

/** The header of a .fgb, read from its first bytes only. */
async function readHeader(file: SourceFile): Promise<HeaderMeta> {
  const fd = fs.openSync(file.path, 'r');
  try {
    const start = Buffer.alloc(12);
    const n = fs.readSync(fd, start, 0, 12, 0);
    if (n < 12 || start.toString('latin1', 0, 3) !== 'fgb') throw new Error('Not a FlatGeobuf file');
    const bytes = Buffer.alloc(12 + start.readUInt32LE(8));
    if (fs.readSync(fd, bytes, 0, bytes.length, 0) < bytes.length) throw new Error('the header is cut short');
    let header: HeaderMeta | null = null;
    // Handed only the header bytes, the deserializer reads the header and finds no features.
    const features = generic.deserialize(new Uint8Array(bytes), { fromFeature: decode, headerMetaFn: (h) => (header = h) });
    while (!(await features.next()).done) {
      // nothing: there are no feature bytes
    }
    if (!header) throw new Error('no header');
    return header;
  } catch (err) {
    const detail = (err as Error).message === 'Not a FlatGeobuf file' ? '' : `: ${(err as Error).message}`;
    throw new AtlasError('invalid_file', `${file.name} is not a FlatGeobuf file${detail}`, { file: file.name });
  } finally {
    fs.closeSync(fd);
  }
}

function crsOf(header: HeaderMeta, notes: string[]): CrsDef | null {
  const c = header.crs;
  if (!c) return null;
  const tries = [c.code > 0 && (!c.org || c.org.toUpperCase() === 'EPSG') ? `EPSG:${c.code}` : null, c.wkt].filter((t): t is string => Boolean(t));
  for (const t of tries) {
    try {
      return resolveCrs(t);
    } catch {
      // try the next way the file names its CRS
    }
  }
  notes.push(`The file's coordinate system (${[c.org, c.code || null, c.name].filter(Boolean).join(' ')}) is not one this app knows; choose it by hand`);
  return null;
}

function valueOf(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null || v instanceof Uint8Array) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

async function openFile(file: SourceFile): Promise<SourceLayer> {
  const header = await readHeader(file);
  const notes: string[] = [];
  const crs = crsOf(header, notes);
  const fields = headerFields(header);
  const sizeBytes = fs.statSync(file.path).size;
  return {
    name: path.parse(file.name).name,
    crs,
    fields,
    notes,
    countHint: header.featuresCount || undefined,
    sizeBytes,
    async *features(signal?: AbortSignal): AsyncGenerator<RawFeature> {
      const input = fs.createReadStream(file.path, { highWaterMark: 1 << 20 });
      const stream = Readable.toWeb(input) as unknown as ReadableStream;
      let index = 0;
      try {
        for await (const f of generic.deserialize(stream, { fromFeature: decode })) {
          if (signal?.aborted) throw new AtlasError('cancelled', 'Reading was cancelled', {});
          const { geometry, properties } = f as unknown as Decoded;
          const props: RawFeature['properties'] = {};
          for (const { key } of fields) props[key] = valueOf(properties[key]);
          yield { index: index++, geometry, properties: props };
        }
      } catch (err) {
        if (err instanceof AtlasError) throw err;
        throw new AtlasError('invalid_file', `${file.name}, feature ${index}: ${(err as Error).message}`, { file: file.name, feature: index });
      } finally {
        input.destroy();
      }
    },
  };
}

/** FlatGeobuf (.fgb): one layer per file, with the CRS its header declares. */
export const flatgeobufReader: FormatReader = {
  id: 'flatgeobuf',
  name: { zh: 'FlatGeobuf', en: 'FlatGeobuf' },
  extensions: ['.fgb'],
  claim(files) {
    const mine = files.filter((f) => path.extname(f.name).toLowerCase() === '.fgb');
    return mine.length ? mine : null;
  },
  async open(files) {
    const layers: SourceLayer[] = [];
    for (const f of files) layers.push(await openFile(f));
    return layers;
  },
};
