import fs from 'node:fs';
import { Inflate } from 'fflate';
import { AtlasError } from '../../../shared/api/errors.ts';
import { detectEncoding } from '../encoding/detect.ts';
import type { SourceFile } from '../types.ts';

/** One file in a zip archive. */
export interface ZipEntry {
  /** Path inside the archive with '/' separators, e.g. 'export/POLYLINE.shp'. */
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  encrypted: boolean;
  headerOffset: number;
}

const CHUNK = 1 << 20;
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function broken(file: SourceFile, why: string): AtlasError {
  return new AtlasError('invalid_file', `${file.name} is not a readable zip archive: ${why}`, { file: file.name });
}

function readAt(fd: number, pos: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, pos);
  return buf.subarray(0, n);
}

/** Entry names are UTF-8 when flagged or valid as such; else in the writer's code page (GBK from a Chinese Windows). */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  const label = utf8Flag ? 'utf-8' : detectEncoding(bytes);
  return new TextDecoder(label).decode(bytes);
}

/** Files that are not content: folders, macOS resource forks and Finder/Explorer litter. */
function isJunk(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db';
}

/** The central directory's place: from the end record, or its zip64 version for very large archives. */
function findDirectory(fd: number, size: number): { count: number; offset: number; length: number } | null {
  const tail = readAt(fd, Math.max(0, size - 22 - 0xffff), Math.min(size, 22 + 0xffff));
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== 0x06054b50) continue;
    const dir = { count: tail.readUInt16LE(i + 10), length: tail.readUInt32LE(i + 12), offset: tail.readUInt32LE(i + 16) };
    const locator = i >= 20 && tail.readUInt32LE(i - 20) === 0x07064b50 ? Number(tail.readBigUInt64LE(i - 12)) : -1;
    if (locator >= 0) {
      const z = readAt(fd, locator, 56);
      if (z.length === 56 && z.readUInt32LE(0) === 0x06064b50) {
        return { count: Number(z.readBigUInt64LE(32)), length: Number(z.readBigUInt64LE(40)), offset: Number(z.readBigUInt64LE(48)) };
      }
    }
    return dir;
  }
  return null;
}

/**
 * The files in a zip archive, read from its central directory (the archive itself is not loaded):
 * nested folders keep their path; folders, `__MACOSX/` resource forks, `._*`, `.DS_Store` and
 * `Thumbs.db` are left out. Throws invalid_file naming the archive when it is not a zip or is damaged.
 */
export function listZip(file: SourceFile): ZipEntry[] {
  const fd = fs.openSync(file.path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const dir = findDirectory(fd, size);
    if (!dir) throw broken(file, 'no zip directory at its end (not a zip, or cut short)');
    if (dir.offset + dir.length > size) throw broken(file, 'its directory points past the end of the file (cut short?)');
    const b = readAt(fd, dir.offset, dir.length);
    const entries: ZipEntry[] = [];
    for (let at = 0, i = 0; i < dir.count; i++) {
      if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) throw broken(file, `its directory is damaged at entry ${i + 1}`);
      const flags = b.readUInt16LE(at + 8);
      const [nameLen, extraLen, commentLen] = [b.readUInt16LE(at + 28), b.readUInt16LE(at + 30), b.readUInt16LE(at + 32)];
      const sizes = [b.readUInt32LE(at + 24), b.readUInt32LE(at + 20), b.readUInt32LE(at + 42)];
      // Zip64: the sizes and offset that overflow 32 bits are in extra field 0x0001, in this order.
      for (let x = at + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + b.readUInt16LE(x + 2)) {
        if (b.readUInt16LE(x) !== 1) continue;
        for (let k = 0, p = x + 4; k < 3; k++) {
          if (sizes[k] !== 0xffffffff || p + 8 > end) continue;
          sizes[k] = Number(b.readBigUInt64LE(p));
          p += 8;
        }
      }
      const name = decodeName(b.subarray(at + 46, at + 46 + nameLen), (flags & 0x800) !== 0).replace(/\\/g, '/');
      const entry = { name, size: sizes[0], compressedSize: sizes[1], method: b.readUInt16LE(at + 10), crc: b.readUInt32LE(at + 16), encrypted: (flags & 1) !== 0, headerOffset: sizes[2] };
      if (!isJunk(name)) entries.push(entry);
      at += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes one entry of the archive to `dest`, streaming it through a 1 MiB buffer (stored or deflate;
 * zip64 archives too), so archives of any size can be read with little memory; the CRC is checked.
 * Throws invalid_file for damaged data and unsupported_format for encryption or other methods.
 */
export function extractZipEntry(file: SourceFile, entry: ZipEntry, dest: string): void {
  const where = `${entry.name} in ${file.name}`;
  if (entry.encrypted) throw new AtlasError('unsupported_format', `${where} is encrypted; unzip it with its password first`, { file: file.name });
  if (entry.method !== 0 && entry.method !== 8) {
    throw new AtlasError('unsupported_format', `${where} uses compression method ${entry.method}; only stored and deflate are read`, { file: file.name });
  }
  const fd = fs.openSync(file.path, 'r');
  const out = fs.openSync(dest, 'w');
  try {
    const local = readAt(fd, entry.headerOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw broken(file, `the header of ${entry.name} is missing`);
    const start = entry.headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    let crc = 0;
    let written = 0;
    const write = (chunk: Uint8Array): void => {
      crc = crc32(crc, chunk);
      written += chunk.length;
      fs.writeSync(out, chunk);
    };
    const inflate = entry.method === 8 ? new Inflate((chunk) => write(chunk)) : null;
    for (let pos = 0; pos < entry.compressedSize; pos += CHUNK) {
      const chunk = readAt(fd, start + pos, Math.min(CHUNK, entry.compressedSize - pos));
      if (chunk.length === 0) throw broken(file, `${entry.name} is cut short`);
      const last = pos + CHUNK >= entry.compressedSize;
      try {
        if (inflate) inflate.push(chunk, last);
        else write(chunk);
      } catch (err) {
        throw broken(file, `${entry.name} cannot be decompressed (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    if (written !== entry.size || crc !== entry.crc) throw broken(file, `${entry.name} is damaged (size or checksum does not match)`);
  } finally {
    fs.closeSync(out);
    fs.closeSync(fd);
  }
}
