import fs from 'node:fs';
import path from 'node:path';
import type { Geometry } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { FormatReader, RawFeature, ReadOptions, SourceFile, SourceLayer } from '../types.ts';
import { cellValue, chooseGeometrySource, cleanHeader, ColumnTypes, type CsvGeometrySource } from './csv-columns.ts';
import { csvRows, sniffDialect, type CsvDialect, type CsvWatch } from './csv-text.ts';
import { parseWktGeometry } from './wkt.ts';

const EXTENSIONS = ['.csv', '.tsv', '.txt'];
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** A .txt is taken only when its first line looks delimited (a README is not a table). */
function looksDelimited(file: SourceFile): boolean {
  try {
    const fd = fs.openSync(file.path, 'r');
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const first = buf.subarray(0, n).toString('latin1').split(/\r?\n/)[0];
    return /[,\t;]/.test(first);
  } catch {
    return false;
  }
}

function geometryOf(row: readonly string[], geo: CsvGeometrySource): Geometry | null {
  if (geo.kind === 'wkt') return parseWktGeometry(row[geo.wkt]);
  const xs = row[geo.x]?.trim();
  const ys = row[geo.y]?.trim();
  if (!xs || !ys) return null;
  const x = Number(xs);
  const y = Number(ys);
  return Number.isFinite(x) && Number.isFinite(y) ? { type: 'Point', coordinates: [x, y] } : null;
}

interface Survey {
  header: string[];
  types: ReturnType<ColumnTypes['types']>;
  rows: number;
  ragged: number;
  undecodable: boolean;
}

/**
 * First pass over the file: header, column types, row count and oddities worth a note. Tells
 * `progress` the fraction of the file read as it goes (a big file takes seconds); stops with
 * 'cancelled' once `signal` is aborted.
 */
async function survey(file: SourceFile, dialect: CsvDialect, signal?: AbortSignal, progress?: (fraction: number) => void): Promise<Survey> {
  let header: string[] | null = null;
  let types: ColumnTypes | null = null;
  let rows = 0;
  let ragged = 0;
  let undecodable = false;
  const size = progress ? fs.statSync(file.path).size : 0;
  let read = 0;
  const watch: CsvWatch = { undecodable: () => (undecodable = true) };
  if (progress && size > 0) {
    watch.bytes = (n) => {
      read += n;
      progress(Math.min(1, read / size));
    };
  }
  for await (const row of csvRows(file.path, dialect, signal, watch)) {
    if (!header || !types) {
      header = cleanHeader(row);
      types = new ColumnTypes(header.length);
      continue;
    }
    rows++;
    if (row.length !== header.length) ragged++;
    types.observe(row);
  }
  if (!header || !types) throw new AtlasError('invalid_file', `${file.name} is empty: it has no header row`, { file: file.name });
  progress?.(1);
  return { header, types: types.types(), rows, ragged, undecodable };
}

async function openFile(file: SourceFile, opts: ReadOptions): Promise<SourceLayer> {
  const dialect = sniffDialect(file.path, file.name, opts.encoding);
  const s = await survey(file, dialect, opts.signal, opts.progress);
  const geo = chooseGeometrySource(s.header, opts, file.name);
  const columns = s.header.map((key, i) => ({ key, type: s.types[i], i })).filter((c) => geo.kind !== 'wkt' || c.i !== geo.wkt);
  const notes = [`Text encoding ${dialect.encoding} (${dialect.encodingSource}), ${DELIMITER_NAMES[dialect.delimiter]}-separated`];
  notes.push(geo.kind === 'wkt' ? `Geometry from the WKT column "${s.header[geo.wkt]}"` : `Points from the columns "${s.header[geo.x]}" (x) and "${s.header[geo.y]}" (y)`);
  if (s.ragged > 0) notes.push(`${s.ragged} row(s) have a different number of cells than the header`);
  if (s.undecodable) notes.push(`Some text could not be decoded as ${dialect.encoding}; choose the file's encoding if names look garbled`);
  const sizeBytes = fs.statSync(file.path).size;
  // Progress by rows handed over, of the rows the first pass counted: bytes read run megabytes ahead
  // of the rows parsed (the stream reads ahead while batches wait), which left imports at 100% early.
  let handed = 0;
  return {
    name: path.parse(file.name).name,
    crs: null,
    fields: columns.map(({ key, type }) => ({ key, type })),
    encoding: dialect.encoding,
    notes,
    countHint: s.rows,
    sizeBytes,
    bytesRead: () => (s.rows > 0 ? Math.round(sizeBytes * Math.min(1, handed / s.rows)) : 0),
    async *features(signal?: AbortSignal): AsyncGenerator<RawFeature> {
      handed = 0;
      let header = true;
      let index = 0;
      for await (const row of csvRows(file.path, dialect, signal)) {
        if (header) {
          header = false;
          continue;
        }
        const properties: RawFeature['properties'] = {};
        for (const c of columns) properties[c.key] = cellValue(row[c.i], c.type);
        handed = index + 1;
        yield { index: index++, geometry: geometryOf(row, geo), properties };
      }
    },
  };
}

/**
 * CSV / TSV / delimited .txt: comma, tab or semicolon, a header row, UTF-8 (with or without BOM),
 * UTF-16 with BOM or GBK; points from longitude/latitude columns or any geometry from a WKT column.
 * The CRS is left open (null) for the user or the CRS guesser.
 */
export const csvReader: FormatReader = {
  id: 'csv',
  name: { zh: 'CSV / 文本表格', en: 'CSV / delimited text' },
  extensions: EXTENSIONS,
  claim(files) {
    const mine = files.filter((f) => {
      const ext = path.extname(f.name).toLowerCase();
      return ext === '.txt' ? looksDelimited(f) : EXTENSIONS.includes(ext);
    });
    return mine.length ? mine : null;
  },
  async open(files, opts) {
    const layers: SourceLayer[] = [];
    const told = opts.progress;
    for (const [i, f] of files.entries()) {
      // Several files share one progress: file i covers [i/n, (i+1)/n).
      const progress = told ? (fraction: number) => told((i + fraction) / files.length) : undefined;
      layers.push(await openFile(f, { ...opts, progress }));
    }
    return layers;
  },
};
