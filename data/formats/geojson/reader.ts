import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';
import type { FormatReader, RawFeature, SourceFile, SourceLayer } from '../types.ts';
import { crsFromMember } from './crs-member.ts';
import { GeoJsonDocument, GeoJsonError, materialise, type PendingFeature } from './document.ts';
import { FieldInference } from './fields.ts';
import { GeoJsonScanner, ScanError } from './scanner.ts';
import { looksLikeGeoJson } from './sniff.ts';

const EXTENSIONS = ['.geojson', '.json', '.geojsonl', '.geojsons', '.jsonl'];
const CHUNK_BYTES = 1 << 20;
const SLICE_BYTES = 64 * 1024;

/**
 * GeoJSON in: a FeatureCollection, a Feature, a bare geometry, or a sequence of them (newline-delimited
 * or RFC 8142 with RS separators), UTF-8 with or without a byte order mark, with the old `crs` member
 * read into `SourceLayer.crs`.
 *
 * Streamed: the file is read in 1 MB chunks and features are yielded one at a time, so memory stays
 * bounded whatever the file size (see scanner.ts).
 *
 * Fields: `open` reads the whole file once (streamed), so fields, `countHint`, the `crs` member and any
 * broken JSON are known up front: an import creates its columns from `fields` before it writes, so they
 * must be complete (GDAL's GeoJSON driver scans the whole file first too; ~25 s per GB). Broken structure raises AtlasError('invalid_file') naming the file, the feature index
 * and line/column; bad geometries are passed on for `checkGeometry`.
 */
export const geojsonReader: FormatReader = {
  id: 'geojson',
  name: { zh: 'GeoJSON', en: 'GeoJSON' },
  extensions: EXTENSIONS,

  claim(files: SourceFile[]): SourceFile[] | null {
    const mine = files.filter((f) => {
      const ext = path.extname(f.name || f.path).toLowerCase();
      if (ext === '.json') return sniffFile(f.path);
      return EXTENSIONS.includes(ext);
    });
    return mine.length ? mine : null;
  },

  async open(files: SourceFile[], opts): Promise<SourceLayer[]> {
    const layers: SourceLayer[] = [];
    for (const file of files) {
      const layer = await openLayer(file, opts.signal);
      if (opts.encoding && !/^utf-?8$/i.test(opts.encoding)) {
        layer.notes.push(`GeoJSON is always UTF-8 (RFC 7946); the encoding ${opts.encoding} was not used.`);
      }
      layers.push(layer);
    }
    return layers;
  },
};

function sniffFile(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return looksLikeGeoJson(head.subarray(0, n));
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

interface PassState {
  crs: CrsDef | null;
  crsSeen: boolean;
  notes: Set<string>;
  bytes: number;
}

async function openLayer(file: SourceFile, signal?: AbortSignal): Promise<SourceLayer> {
  let size: number;
  try {
    size = (await fs.promises.stat(file.path)).size;
  } catch (err) {
    throw new AtlasError('not_found', `${file.name} cannot be read: ${(err as Error).message}`, { file: file.name });
  }
  const inference = new FieldInference();
  const state: PassState = { crs: null, crsSeen: false, notes: new Set(), bytes: 0 };
  let count = 0;
  for await (const batch of readPass(file, state, signal)) {
    for (const p of batch) {
      let feature: RawFeature;
      try {
        feature = materialise(p);
      } catch (err) {
        throw await toAtlasError(err, file);
      }
      inference.observe(feature.properties, 'text' in p ? p.text : null);
      count++;
    }
  }
  const fields = inference.fields();
  const notes = [...state.notes];
  let bytes = 0;
  const layer: SourceLayer = {
    name: path.parse(file.name || file.path).name,
    crs: state.crs,
    fields,
    notes,
    sizeBytes: size,
    countHint: count,
    bytesRead: () => bytes,
    async *features(sig?: AbortSignal): AsyncIterable<RawFeature> {
      const pass: PassState = { crs: null, crsSeen: false, notes: new Set(), bytes: 0 };
      try {
        for await (const batch of readPass(file, pass, sig, () => (bytes = pass.bytes))) {
          for (const p of batch) {
            if (sig?.aborted) throw cancelled(file);
            let feature: RawFeature;
            try {
              feature = materialise(p);
            } catch (err) {
              throw await toAtlasError(err, file);
            }
            yield feature;
          }
        }
      } finally {
        bytes = pass.bytes;
      }
    },
  };
  return layer;
}

/** One read of the file: the features found in each 1 MB chunk, in order. */
async function* readPass(file: SourceFile, state: PassState, signal?: AbortSignal, progress?: () => void): AsyncGenerator<PendingFeature[]> {
  let queue: PendingFeature[] = [];
  const doc = new GeoJsonDocument({
    crs(value) {
      const r = crsFromMember(value);
      state.crs = r.crs;
      state.crsSeen = true;
      if (r.note) state.notes.add(r.note);
    },
    note(text) {
      state.notes.add(text);
    },
    feature(pending) {
      queue.push(pending);
    },
  });
  const scanner = new GeoJsonScanner(doc);
  // One buffer, reused for every read: no garbage per megabyte, so memory stays flat.
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(file.path, 'r');
    for (;;) {
      if (signal?.aborted) throw cancelled(file);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      // Scanned in slices, each slice's features yielded before the next is cut out: a short-lived batch
      // keeps the garbage collector's work (and the process's memory) small.
      for (let from = 0; from < bytesRead; from += SLICE_BYTES) {
        if (signal?.aborted) throw cancelled(file);
        const slice = buffer.subarray(from, Math.min(from + SLICE_BYTES, bytesRead));
        let failure: unknown = null;
        try {
          scanner.write(slice);
        } catch (err) {
          failure = err;
        }
        state.bytes += slice.length;
        progress?.();
        if (queue.length) {
          const batch = queue;
          queue = [];
          yield batch;
        }
        if (failure) throw await toAtlasError(failure, file);
      }
    }
    try {
      scanner.end();
    } catch (err) {
      throw await toAtlasError(err, file);
    }
    if (queue.length) yield queue;
  } catch (err) {
    const code = err instanceof AtlasError ? undefined : (err as NodeJS.ErrnoException | null)?.code;
    if (!code) throw err;
    throw new AtlasError(code === 'ENOENT' ? 'not_found' : 'io_error', `${file.name} cannot be read: ${(err as Error).message}`, { file: file.name });
  } finally {
    await handle?.close();
  }
}

function cancelled(file: SourceFile): AtlasError {
  return new AtlasError('cancelled', `Reading ${file.name} was cancelled.`, { file: file.name });
}

/** A ScanError / GeoJsonError as the user sees it: file, what is wrong, line and column. */
async function toAtlasError(err: unknown, file: SourceFile): Promise<unknown> {
  if (!(err instanceof ScanError) && !(err instanceof GeoJsonError)) return err;
  const { line, column } = await lineAndColumn(file.path, err.offset);
  const params: Record<string, string | number> = { file: file.name, line, column, offset: err.offset };
  const place = `line ${line}, column ${column}`;
  if (err instanceof ScanError) {
    if (err.rootKind) return new AtlasError('invalid_file', `${file.name} is not GeoJSON: ${err.reason}.`, params);
    return new AtlasError('invalid_file', `${file.name} is not valid JSON: ${err.reason} at ${place} (byte ${err.offset}).`, params);
  }
  if (err.feature !== undefined) params.feature = err.feature;
  return new AtlasError('invalid_file', `${file.name} is not valid GeoJSON: ${err.message} (${place}).`, params);
}

/** 1-based line and column (in characters) of a byte offset, by reading the file up to it. */
async function lineAndColumn(file: string, offset: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let chars = 0;
  let pos = 0;
  let bom = false;
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES, end: Math.max(offset - 1, 0) });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (pos === 0) bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      const end = Math.max(0, Math.min(chunk.length, offset - pos));
      for (let i = 0; i < end; i++) {
        const b = chunk[i];
        if (b === 0x0a) {
          line++;
          chars = 0;
        } else if ((b & 0xc0) !== 0x80) chars++;
      }
      pos += chunk.length;
    }
  } catch {
    return { line, column: 1 };
  }
  return { line, column: chars + 1 - (bom && line === 1 ? 1 : 0) };
}
