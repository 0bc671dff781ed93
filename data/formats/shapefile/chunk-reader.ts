import fs from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/**
 * Reads byte ranges of a file through one reusable buffer of about 1 MiB, so a large .shp or .dbf is
 * read a chunk at a time and never has to fit in memory. Reads at increasing positions are served
 * from the buffer; a range larger than the buffer grows it.
 */
export class ChunkReader {
  readonly size: number;
  private fd: number;
  private buf: Buffer;
  private start = 0;
  private end = 0;
  /** How far into the file reading has got, for progress. */
  bytesRead = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'r');
    this.size = fs.fstatSync(this.fd).size;
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
  }

  /**
   * The bytes in [pos, pos + length), fewer when the file ends first. The returned view is only
   * valid until the next call.
   */
  read(pos: number, length: number): Buffer {
    if (pos >= this.start && pos + length <= this.end) return this.buf.subarray(pos - this.start, pos - this.start + length);
    if (length > this.buf.length) this.buf = Buffer.allocUnsafe(length);
    const n = fs.readSync(this.fd, this.buf, 0, this.buf.length, pos);
    this.start = pos;
    this.end = pos + n;
    this.bytesRead = Math.max(this.bytesRead, this.end);
    return this.buf.subarray(0, Math.min(n, length));
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
