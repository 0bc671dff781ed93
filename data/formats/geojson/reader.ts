import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';
import type { DecodedBatch, DecodedFeature, FormatReader, RawFeature, SourceFile, SourceLayer } from '../types.ts';
import { crsFromMember } from './crs-member.ts';
import { GeoJsonDocument, GeoJsonError, materialise, pendingText, toFeature, type PendingFeature } from './document.ts';
import { FeatureDecoder, FeatureSurvey } from './feature-bytes.ts';
import { FieldInference } from './fields.ts';
import { GeoJsonScanner, ScanError, parseJson } from './scanner.ts';
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
 * must be complete (GDAL's GeoJSON driver scans the whole file first too). That survey works on the
 * bytes (feature-bytes.ts: every byte checked, no feature built); a feature it declines is parsed in
 * full. Broken structure raises AtlasError('invalid_file') naming the file, the feature index and
 * line/column; bad geometries are passed on for `checkGeometry`.
 *
 * Imports read through `decoded()`: attribute values and flat 2D geometries straight from the bytes,
 * no GeoJSON objects; what the decoder declines comes through `raw()` as `features()` gives it.
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
    const told = opts.progress;
    for (const [i, file] of files.entries()) {
      // The survey reads the whole file: progress as it goes, file i covering [i/n, (i+1)/n).
      const progress = told ? (fraction: number) => told((i + fraction) / files.length) : undefined;
      const layer = await openLayer(file, opts.signal, progress);
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

async function openLayer(file: SourceFile, signal?: AbortSignal, progress?: (fraction: number) => void): Promise<SourceLayer> {
  let size: number;
  try {
    size = (await fs.promises.stat(file.path)).size;
  } catch (err) {
    throw new AtlasError('not_found', `${file.name} cannot be read: ${(err as Error).message}`, { file: file.name });
  }
  const inference = new FieldInference();
  // The survey reads names and value kinds from the bytes; a feature it declines is parsed in full.
  const survey = new FeatureSurvey(inference);
  const state: PassState = { crs: null, crsSeen: false, notes: new Set(), bytes: 0 };
  let count = 0;
  // Told about once per megabyte read.
  let told = 0;
  const tell = progress
    ? () => {
        if (state.bytes - told < CHUNK_BYTES && state.bytes < size) return;
        told = state.bytes;
        progress(size > 0 ? Math.min(1, state.bytes / size) : 1);
      }
    : undefined;
  // Every feature is taken as the scanner meets it, in file order: most straight from the chunk
  // (featureAt); the others, cut out, by the survey or, when it declines, parsed in full. A broken one
  // throws from inside the scan, and readPass names it.
  const direct: DirectHooks = {
    featureAt(chunk, start) {
      const end = survey.observeAt(chunk, start);
      if (end >= 0) count++;
      return end;
    },
    feature(p) {
      count++;
      if ('feature' in p) inference.observe(p.feature.properties, null);
      else if (!survey.observe(p.bytes)) {
        const text = pendingText(p);
        inference.observe(toFeature(parseJson(text, p.offset), p.index, p.offset).properties, text);
      }
    },
  };
  for await (const batch of readPass(file, state, signal, tell, direct)) void batch;
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
    async *decoded(sig?: AbortSignal): AsyncIterable<DecodedBatch> {
      const pass: PassState = { crs: null, crsSeen: false, notes: new Set(), bytes: 0 };
      const decoder = new FeatureDecoder(fields);
      try {
        for await (const batch of readPass(file, pass, sig, () => (bytes = pass.bytes))) {
          if (sig?.aborted) throw cancelled(file);
          yield {
            size: batch.length,
            decode(i: number, out: DecodedFeature): boolean {
              const p = batch[i];
              if ('feature' in p) return false;
              return decoder.decode(p.bytes, p.index, out);
            },
            raw: (i: number) => materialiseOrThrow(batch[i], file),
          };
        }
      } finally {
        bytes = pass.bytes;
      }
    },
  };
  return layer;
}

/** The feature of a PendingFeature, or the AtlasError of a broken one. */
async function materialiseOrThrow(p: PendingFeature, file: SourceFile): Promise<RawFeature> {
  try {
    return materialise(p);
  } catch (err) {
    throw await toAtlasError(err, file);
  }
}

/** Features taken as the scanner meets them, instead of in batches (see readPass). */
interface DirectHooks {
  /** See ScanSink.featureAt. */
  featureAt(chunk: Buffer, start: number): number;
  feature(p: PendingFeature): void;
}

/**
 * One read of the file: the features found in each 64 KB slice, in order, as batches; or, with
 * `direct`, handed to it during the scan (the batches are then empty).
 */
async function* readPass(file: SourceFile, state: PassState, signal?: AbortSignal, progress?: () => void, direct?: DirectHooks): AsyncGenerator<PendingFeature[]> {
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
      if (direct) direct.feature(pending);
      else queue.push(pending);
    },
    featureAt: direct ? (chunk, start) => direct.featureAt(chunk, start) : undefined,
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
