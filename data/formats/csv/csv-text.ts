import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { AtlasError } from '../../../shared/api/errors.ts';
import { detectEncoding, normaliseEncoding, type EncodingSource } from '../encoding/detect.ts';

const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1 << 20;
const DELIMITERS = [',', '\t', ';'];
const MAX_WAITING_BATCHES = 2;

/** How a delimited text file is to be read. */
export interface CsvDialect {
  encoding: string;
  encodingSource: EncodingSource;
  delimiter: string;
}

function readHead(file: string): { head: Uint8Array; whole: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    return { head: new Uint8Array(buf.buffer, buf.byteOffset, n), whole: n < SAMPLE_BYTES };
  } finally {
    fs.closeSync(fd);
  }
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** The sample up to its last line break, so no multi-byte character is cut (which would fool detection). */
function wholeLines(head: Uint8Array, whole: boolean): Uint8Array {
  if (whole) return head;
  const nl = head.lastIndexOf(0x0a);
  return nl > 0 ? head.subarray(0, nl + 1) : head;
}

/**
 * Settles encoding (BOM, else the user's choice, else detected from the first 64 KB: UTF-8 or GBK)
 * and delimiter (comma, tab or semicolon, guessed from the same sample).
 */
export function sniffDialect(file: string, name: string, userEncoding?: string): CsvDialect {
  const { head, whole } = readHead(file);
  let encoding = bomEncoding(head);
  let encodingSource: EncodingSource = 'declared';
  if (!encoding && userEncoding) {
    encoding = normaliseEncoding(userEncoding);
    encodingSource = 'user';
    if (!encoding) throw new AtlasError('invalid_argument', `${name}: unknown text encoding "${userEncoding}"`, { file: name, encoding: userEncoding });
  }
  if (!encoding) {
    encoding = detectEncoding(wholeLines(head, whole));
    encodingSource = 'detected';
  }
  const sample = new TextDecoder(encoding).decode(wholeLines(head, whole));
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: DELIMITERS });
  const delimiter = DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  return { encoding, encodingSource, delimiter };
}

/** What a caller may want to hear while rows are read. */
export interface CsvWatch {
  /** Bytes of the file consumed so far, in increments. */
  bytes?(n: number): void;
  /** Called once text held bytes that are invalid in the encoding (shown as U+FFFD). */
  undecodable?(): void;
}

async function* decodedChunks(input: fs.ReadStream, encoding: string, watch: CsvWatch): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let told = false;
  const check = (text: string) => {
    if (!told && text.includes('\uFFFD')) {
      told = true;
      watch.undecodable?.();
    }
    return text;
  };
  for await (const chunk of input) {
    watch.bytes?.((chunk as Buffer).length);
    const text = check(decoder.decode(chunk as Buffer, { stream: true }));
    if (text) yield text;
  }
  const tail = check(decoder.decode());
  if (tail) yield tail;
}

/**
 * Rows of a delimited text file as arrays of strings, streamed (the file is never held whole);
 * blank lines are skipped. Papa Parse hands over a batch of rows per decoded chunk; reading pauses
 * while batches wait.
 */
export async function* csvRows(file: string, dialect: CsvDialect, signal?: AbortSignal, watch: CsvWatch = {}): AsyncGenerator<string[]> {
  const input = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const text = Readable.from(decodedChunks(input, dialect.encoding, watch));
  const batches: string[][][] = [];
  let finished = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    // 'greedy' costs Papa twice the time; lines of blanks are dropped below instead.
    skipEmptyLines: true,
    chunk: (results) => {
      batches.push(results.data);
      if (batches.length >= MAX_WAITING_BATCHES) text.pause();
      notify();
    },
    complete: () => {
      finished = true;
      notify();
    },
    error: (err) => {
      failure = err;
      finished = true;
      notify();
    },
  });
  try {
    for (;;) {
      const batch = batches.shift();
      if (batch) {
        if (text.isPaused() && batches.length < MAX_WAITING_BATCHES) text.resume();
        if (signal?.aborted) throw new AtlasError('cancelled', 'Reading was cancelled', {});
        for (const row of batch) if (row.length > 1 || row[0].trim() !== '') yield row;
      } else if (failure) throw failure;
      else if (finished) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    text.destroy();
    input.destroy();
  }
}
