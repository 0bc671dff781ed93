import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding, normaliseEncoding } from '../../../../data/formats/encoding/detect.ts';
import { corpus } from '../shapefile/corpus.ts';

/** The text bytes of a small DBF: everything after its header, without the end-of-file mark. */
function dbfText(file: string): Uint8Array {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(bytes.readUInt16LE(8), bytes[bytes.length - 1] === 0x1a ? bytes.length - 1 : bytes.length);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectEncoding', () => {
  const CASES: [string, string][] = [
    ['gbk.dbf', 'gbk'],
    ['gb2312.dbf', 'gbk'],
    ['big5.dbf', 'big5'],
    ['utf8.dbf', 'utf-8'],
    ['latin1.dbf', 'windows-1252'],
    ['shiftjis.dbf', 'shift_jis'],
    ['eucjp.dbf', 'euc-jp'],
  ];
  for (const [file, expected] of CASES) {
    it(`mapshaper-dbf/${file} is ${expected}`, () => {
      expect(detectEncoding(dbfText(corpus('mapshaper-dbf', file)))).toBe(expected);
    });
  }

  it('ASCII and valid UTF-8 are UTF-8', () => {
    expect(detectEncoding(utf8('plain text 123'))).toBe('utf-8');
    expect(detectEncoding(utf8('嘉兴市南湖区 城市更新单元'))).toBe('utf-8');
  });

  it('Jiaxing place names in GBK are GBK, not Big5 (both decode the bytes)', () => {
    // 南湖区建设街道 and 秀洲区新塍镇 in GBK.
    const bytes = Uint8Array.from([0xc4, 0xcf, 0xba, 0xfe, 0xc7, 0xf8, 0xbd, 0xa8, 0xc9, 0xe8, 0xbd, 0xd6, 0xb5, 0xc0, 0x20, 0xd0, 0xe3, 0xd6, 0xde, 0xc7, 0xf8, 0xd0, 0xc2, 0xeb, 0xf3, 0xd5, 0xf2]);
    expect(new TextDecoder('gbk').decode(bytes)).toBe('南湖区建设街道 秀洲区新塍镇');
    expect(new TextDecoder('big5', { fatal: true }).decode(bytes)).toMatch(/^鰍綬.*膘扢誰耋 凅粔.*陔鋹淜$/); // valid Big5, rare characters
    expect(detectEncoding(bytes)).toBe('gbk');
  });

  it('Latin text with accents is Windows-1252, whatever a CJK decoder makes of it', () => {
    expect(detectEncoding(Uint8Array.from([...Buffer.from('Stra'), 0xdf, ...Buffer.from('e M'), 0xfc, ...Buffer.from('nchen')]))).toBe('windows-1252');
  });
});

describe('normaliseEncoding', () => {
  const CASES: [string, string | null][] = [
    ['UTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['936', 'gbk'],
    ['CP936', 'gbk'],
    ['GB2312', 'gbk'],
    ['Big-5', 'big5'],
    ['950', 'big5'],
    ['shiftjis', 'shift_jis'],
    ['EUC-KR', 'euc-kr'],
    ['koi8r', 'koi8-r'],
    ['latin2', 'iso-8859-2'],
    ['ANSI 1250', 'windows-1250'],
    ['1251', 'windows-1251'],
    ['874', 'windows-874'],
    ['88591', 'windows-1252'], // WHATWG decodes ISO-8859-1 as Windows-1252, its superset
    ['8859-5', 'iso-8859-5'],
    ['UTF-16', 'utf-16le'],
    ['cp437', null], // DOS code pages: the shapefile reader has its own tables
    ['<!DOCTYPE html><html>', null],
    ['', null],
  ];
  for (const [name, expected] of CASES) {
    it(`${JSON.stringify(name)} → ${expected}`, () => expect(normaliseEncoding(name)).toBe(expected));
  }

  it('reads the .cpg files of the corpus', () => {
    const dir = corpus('mapshaper-dbf', 'cpg');
    const found = fs.readdirSync(dir).filter((f) => f.endsWith('.cpg')).map((f) => normaliseEncoding(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(found.every((e) => e !== null)).toBe(true);
  });
});
