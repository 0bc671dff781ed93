/**
 * A byte-level splitter for GeoJSON streams. It walks the outer levels of each root object itself
 * (member names, colons, commas, the `features` array) and cuts every other value out of the byte
 * stream whole, to be decoded with `JSON.parse`. A FeatureCollection thus comes out one feature at a
 * time, whatever the file size, and every byte of the file is checked: by this walker or by `JSON.parse`.
 *
 * Several root values may follow each other (newline-delimited GeoJSON, RFC 8142 sequences with their
 * RS separators). A UTF-8 byte order mark at the start is skipped.
 *
 * Why not @streamparser/json for the whole stream: on a 155 MB FeatureCollection (500,000 polygons) it
 * took 16 s (paths '$.features.*', keepStack false) where this walk plus `JSON.parse` per feature takes
 * 4-5 s on the same machine. It still locates the errors that `JSON.parse` reports without a position.
 */
import { Tokenizer, TokenParser } from '@streamparser/json';

/** What the splitter hands on. Offsets are absolute byte offsets in the file. */
export interface ScanSink {
  /** A root value begins (`index` counts root values, for sequences). */
  rootStart(index: number, offset: number): void;
  /** A member of the root object other than a `features` array, decoded. */
  member(key: string, value: unknown, offset: number): void;
  /** The root object's `features` member is an array; its items follow through `feature`. */
  featuresArray(offset: number): void;
  /**
   * One item of the root's `features` array as its UTF-8 bytes, not yet decoded: decoding it only when
   * it is used (feature-bytes.ts, or `parseJson` on its text) keeps each feature short-lived, which
   * spares the garbage collector. The bytes may be a view of the chunk being scanned: they are valid
   * only until the next chunk is read, so use or copy them before.
   */
  feature(bytes: Buffer, offset: number): void;
  /**
   * Optional: takes the item of the `features` array that starts at `chunk[start]` (a '{') straight
   * from the chunk being scanned, and returns the index after it; or -1 when it does not (the item
   * goes on to `feature` as usual). Saves cutting the item out byte by byte when the sink walks all
   * of its bytes anyway.
   */
  featureAt?(chunk: Buffer, start: number, offset: number): number;
  /** The root object ended (at byte `offset`). */
  rootEnd(offset: number): void;
}

/** Broken input at a byte offset; `rootKind` is set when the root value is not an object. */
export class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
    readonly rootKind?: string,
  ) {
    super(reason);
    this.name = 'ScanError';
  }
}

const enum State {
  RootStart,
  KeyOrEnd,
  Key,
  Colon,
  Value,
  CommaOrEnd,
  FirstItemOrEnd,
  Item,
  ItemCommaOrEnd,
  Capture,
}

const enum Then {
  Key,
  Value,
  Item,
}

const enum Capture {
  Container,
  String,
  Literal,
}

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d, RS = 0x1e;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;

/** What the capture loop stops at, by byte: quote, opening and closing brackets, backslash. */
const K_QUOTE = 1, K_OPEN = 2, K_CLOSE = 3, K_BACKSLASH = 4;
const CAPTURE_CLASS = new Uint8Array(256);
CAPTURE_CLASS[QUOTE] = K_QUOTE;
CAPTURE_CLASS[LBRACE] = CAPTURE_CLASS[LBRACKET] = K_OPEN;
CAPTURE_CLASS[RBRACE] = CAPTURE_CLASS[RBRACKET] = K_CLOSE;
CAPTURE_CLASS[BACKSLASH] = K_BACKSLASH;

function isSpace(b: number): boolean {
  return b === SPACE || b === LF || b === CR || b === TAB;
}

/** What a value starting with byte `b` is, in words. */
function kindOf(b: number): string {
  if (b === QUOTE) return 'a string';
  if (b === LBRACKET) return 'an array';
  if (b === LBRACE) return 'an object';
  if (b === 0x74) return 'true';
  if (b === 0x66) return 'false';
  if (b === 0x6e) return 'null';
  if (b === 0x2d || (b >= 0x30 && b <= 0x39)) return 'a number';
  return `the character "${String.fromCharCode(b)}"`;
}

export class GeoJsonScanner {
  private state = State.RootStart;
  /** Absolute offset of the current chunk's first byte. */
  private base = 0;
  private rootIndex = -1;
  private key = '';

  // The value being cut out.
  private then = Then.Value;
  private capKind = Capture.Container;
  private capOffset = 0;
  private capStart = 0;
  private capPieces: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly sink: ScanSink) {}

  /** Feeds the next chunk of the file. Throws ScanError (or what the sink throws). */
  write(chunk: Uint8Array): void {
    let i = 0;
    if (this.base === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    const n = chunk.length;
    while (i < n) {
      if (this.state === State.Capture) {
        i = this.capture(chunk, i);
        continue;
      }
      const b = chunk[i];
      if (isSpace(b)) {
        i++;
        continue;
      }
      const at = this.base + i;
      switch (this.state) {
        case State.RootStart:
          if (b === RS) break;
          if (b !== LBRACE) throw new ScanError(at, `the root is ${kindOf(b)}`, kindOf(b));
          this.rootIndex++;
          this.sink.rootStart(this.rootIndex, at);
          this.state = State.KeyOrEnd;
          break;
        case State.KeyOrEnd:
        case State.Key:
          if (b === RBRACE && this.state === State.KeyOrEnd) {
            this.sink.rootEnd(at);
            this.state = State.RootStart;
            break;
          }
          if (b !== QUOTE) throw new ScanError(at, `expected a member name in double quotes, found ${kindOf(b)}`);
          this.startCapture(chunk, i, Capture.String, Then.Key);
          continue;
        case State.Colon:
          if (b !== COLON) throw new ScanError(at, `expected ':' after the member name "${this.key}", found ${kindOf(b)}`);
          this.state = State.Value;
          break;
        case State.Value:
          if (this.key === 'features' && b === LBRACKET) {
            this.sink.featuresArray(at);
            this.state = State.FirstItemOrEnd;
            break;
          }
          this.startValue(chunk, i, Then.Value);
          continue;
        case State.CommaOrEnd:
          if (b === COMMA) this.state = State.Key;
          else if (b === RBRACE) {
            this.sink.rootEnd(at);
            this.state = State.RootStart;
          } else throw new ScanError(at, `expected ',' or '}' after the member "${this.key}", found ${kindOf(b)}`);
          break;
        case State.FirstItemOrEnd:
        case State.Item:
          if (b === RBRACKET) {
            if (this.state === State.Item) throw new ScanError(at, "a comma before ']' in the features array");
            this.state = State.CommaOrEnd;
            break;
          }
          if (b === LBRACE && this.sink.featureAt && Buffer.isBuffer(chunk)) {
            const end = this.sink.featureAt(chunk, i, at);
            if (end >= 0) {
              this.state = State.ItemCommaOrEnd;
              i = end;
              continue;
            }
          }
          this.startValue(chunk, i, Then.Item);
          continue;
        case State.ItemCommaOrEnd:
          if (b === COMMA) this.state = State.Item;
          else if (b === RBRACKET) this.state = State.CommaOrEnd;
          else throw new ScanError(at, `expected ',' or ']' between features, found ${kindOf(b)}`);
          break;
      }
      i++;
    }
    if (this.state === State.Capture) {
      // Copied: the caller may reuse the chunk's memory for the next read.
      this.capPieces.push(Uint8Array.prototype.slice.call(chunk, this.capStart));
      this.capStart = 0;
    }
    this.base += n;
  }

  /** Ends the stream; throws ScanError when it stops in the middle of a value. */
  end(): void {
    if (this.state === State.Capture && this.capKind === Capture.Literal) {
      this.finishCapture(new Uint8Array(0), 0);
    }
    if (this.state !== State.RootStart) throw new ScanError(this.base, 'the file ends in the middle of the GeoJSON (it may be cut short)');
    if (this.rootIndex < 0) throw new ScanError(this.base, 'the file holds no JSON value (it is empty)');
  }

  /** Bytes taken so far. */
  get offset(): number {
    return this.base;
  }

  private startValue(chunk: Uint8Array, i: number, then: Then): void {
    const b = chunk[i];
    this.startCapture(chunk, i, b === LBRACE || b === LBRACKET ? Capture.Container : b === QUOTE ? Capture.String : Capture.Literal, then);
  }

  private startCapture(chunk: Uint8Array, i: number, kind: Capture, then: Then): void {
    this.state = State.Capture;
    this.capKind = kind;
    this.then = then;
    this.capOffset = this.base + i;
    this.capStart = i;
    this.capPieces = [];
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** Scans the value being cut out from `i`; returns where scanning stopped (after the value, or `n`). */
  private capture(chunk: Uint8Array, i: number): number {
    const n = chunk.length;
    if (this.capKind === Capture.Literal) {
      for (; i < n; i++) {
        const b = chunk[i];
        if (b === COMMA || b === RBRACE || b === RBRACKET || isSpace(b) || b === RS) {
          this.finishCapture(chunk, i);
          return i;
        }
      }
      return n;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const container = this.capKind === Capture.Container;
    // The byte after a backslash that ended the last chunk.
    if (escaped && i < n) {
      escaped = false;
      i++;
    }
    // One table look-up per byte: most bytes (digits, letters, commas) are of no interest here.
    for (; i < n; i++) {
      const k = CAPTURE_CLASS[chunk[i]];
      if (k === 0) continue;
      if (k === K_BACKSLASH) {
        // Outside a string it is broken JSON, which JSON.parse will name.
        if (inString) {
          if (i + 1 < n) i++;
          else escaped = true;
        }
        continue;
      }
      if (k === K_QUOTE) {
        inString = !inString;
        if (!inString && !container) {
          this.finishCapture(chunk, i + 1);
          return i + 1;
        }
        continue;
      }
      if (inString) continue;
      if (k === K_OPEN) depth++;
      else if (--depth === 0) {
        this.finishCapture(chunk, i + 1);
        return i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return n;
  }

  private finishCapture(chunk: Uint8Array, end: number): void {
    const tail = Buffer.from(chunk.buffer, chunk.byteOffset + this.capStart, end - this.capStart);
    const bytes = this.capPieces.length === 0 ? tail : Buffer.concat([...this.capPieces, tail]);
    this.capPieces = [];
    const offset = this.capOffset;
    if (this.then === Then.Item) {
      this.state = State.ItemCommaOrEnd;
      this.sink.feature(bytes, offset);
      return;
    }
    const value = parseJson(bytes.toString('utf8'), offset);
    switch (this.then) {
      case Then.Key:
        this.key = value as string;
        this.state = State.Colon;
        break;
      case Then.Value:
        this.state = State.CommaOrEnd;
        this.sink.member(this.key, value, offset);
        break;
    }
  }
}

/** `JSON.parse` of a value cut out at byte `offset`; throws ScanError placed where the value goes wrong. */
export function parseJson(text: string, offset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw locateParseError(err, text, offset);
  }
}

function locateParseError(err: unknown, text: string, offset: number): ScanError {
  const message = err instanceof Error ? err.message : String(err);
  const reason = message
    .replace(/^./, (c) => c.toLowerCase())
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, "(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/^unexpected token '(.)', .*$/s, "unexpected '$1'");
  const at = /at position (\d+)/.exec(message);
  if (at) return new ScanError(offset + Buffer.byteLength(text.slice(0, Number(at[1]))), reason);
  return new ScanError(offset + streamparserErrorOffset(Buffer.from(text, 'utf8')), reason);
}

/** Where @streamparser/json stops on these bytes (it names the byte of every error it meets). */
function streamparserErrorOffset(bytes: Uint8Array): number {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser();
  let last = 0;
  tokenizer.onToken = (token) => {
    last = token.offset;
    parser.write(token);
  };
  parser.onValue = () => {};
  try {
    tokenizer.write(bytes);
    tokenizer.end();
  } catch (e) {
    const pos = /absolute position "(\d+)"/.exec(e instanceof Error ? e.message : '');
    return pos ? Number(pos[1]) : last;
  }
  return last;
}
