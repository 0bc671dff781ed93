import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../../data/formats/shapefile/code-pages.ts';
import { chooseDbfEncoding, dbfFields } from '../../../../data/formats/shapefile/dbf-encoding.ts';
import { DbfRecords, readDbfHeader, sampleText } from '../../../../data/formats/shapefile/dbf-reader.ts';
import { corpus, gdalRows } from './corpus.ts';

const DIR = corpus('mapshaper-dbf');

/** A lone .dbf read the way the shapefile reader reads a layer's attributes (the .cpg beside it honoured). */
function readTable(file: string, user?: string) {
  const name = path.basename(file);
  const cpgPath = file.replace(/\.dbf$/, '.cpg');
  const cpg = fs.existsSync(cpgPath) ? { name: path.basename(cpgPath), text: fs.readFileSync(cpgPath, 'utf8') } : undefined;
  const header = readDbfHeader(file, name);
  const notes: string[] = [];
  const choice = chooseDbfEncoding({ dbfName: name, header, user, cpg, sample: () => sampleText(file, header) }, notes);
  const decode = decoderFor(choice.encoding);
  const fields = dbfFields(header, decode, name, notes);
  const records = new DbfRecords(file, header, fields, decode);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0, row = records.read(0); row; row = records.read(++i)) if (!row.deleted) rows.push(row.properties);
  records.close();
  return { ...choice, fields, rows, notes };
}

/** Files with no .cpg and no language driver: the encoding is detected from the text. */
const DETECTED: [string, string, string, string[]][] = [
  // file, encoding we should detect, GDAL's name for it, the values
  ['gbk.dbf', 'gbk', 'CP936', ['简体国语']],
  ['gb2312.dbf', 'gbk', 'CP936', ['简体国语']],
  ['big5.dbf', 'big5', 'CP950', ['繁體國語']],
  ['utf8.dbf', 'utf-8', 'UTF-8', ['国语國語']],
  ['latin1.dbf', 'windows-1252', 'ISO-8859-1', ['Peçeña México']],
  ['shiftjis.dbf', 'shift_jis', 'CP932', ['ひたちなか市', '西蒲原郡弥彦村']],
  ['eucjp.dbf', 'euc-jp', 'EUC-JP', ['ひたちなか市', '西蒲原郡弥彦村']],
];

describe('mapshaper DBF encodings', () => {
  for (const [file, encoding, gdalName, values] of DETECTED) {
    it(`${file}: detected as ${encoding}, text as GDAL reads it with ENCODING=${gdalName}`, () => {
      const table = readTable(path.join(DIR, file));
      expect(table.encoding).toBe(encoding);
      expect(table.source).toBe('detected');
      expect(table.notes.join('\n')).toContain(`detected as ${encoding}`);
      expect(table.rows.map((r) => r.NAME)).toEqual(values);
      expect(table.rows).toEqual(gdalRows(path.join(DIR, file), gdalName));
    });
  }

  it('ldid/chinese.dbf: code page 936 from the language driver byte (0x7A)', () => {
    const table = readTable(path.join(DIR, 'ldid/chinese.dbf'));
    expect(table).toMatchObject({ encoding: 'gbk', source: 'declared' });
    expect(table.notes.join('\n')).toMatch(/language driver 0x7A/);
    expect(table.rows).toEqual([{ NAME: '简体' }]);
    expect(table.rows).toEqual(gdalRows(path.join(DIR, 'ldid/chinese.dbf')));
  });

  const CPG: [string, string, string, string?][] = [
    // file, encoding from its .cpg, value, GDAL's name when GDAL cannot read the .cpg itself
    ['big5.dbf', 'big5', '國語'],
    ['euckr.dbf', 'euc-kr', '한국말'],
    ['koi8r.dbf', 'koi8-r', 'русский'],
    ['latin2.dbf', 'iso-8859-2', 'čeština'],
    ['shiftjis.dbf', 'shift_jis', 'カタカナひらがな', 'CP932'], // .cpg says "shiftjis", which GDAL's iconv does not know
    ['win1251.dbf', 'windows-1251', 'РУССКИЙ'],
    ['win874.dbf', 'windows-874', 'ภาษาไทย'],
  ];
  for (const [file, encoding, value, gdalName] of CPG) {
    it(`cpg/${file}: ${encoding} as its .cpg says`, () => {
      const dbf = path.join(DIR, 'cpg', file);
      const table = readTable(dbf);
      expect(table).toMatchObject({ encoding, source: 'declared' });
      expect(table.rows).toEqual([{ NAME: value }]);
      expect(table.rows).toEqual(gdalRows(dbf, gdalName));
    });
  }

  it('cpg/utf16.dbf (UTF-16 .cpg, names in UTF-16): no records, no crash', () => {
    const table = readTable(path.join(DIR, 'cpg/utf16.dbf'));
    expect(table.encoding).toBe('utf-16le');
    expect(table.rows).toEqual([]);
  });

  it("the user's encoding wins over the .cpg and the language driver", () => {
    const table = readTable(path.join(DIR, 'ldid/chinese.dbf'), 'big5');
    expect(table).toMatchObject({ encoding: 'big5', source: 'user' });
    expect(() => readTable(path.join(DIR, 'gbk.dbf'), 'klingon')).toThrow(/klingon/);
  });

  it('a decimal comma in a number field is read as a decimal point (GDAL reads 68,500 as 68)', () => {
    const table = readTable(path.join(DIR, 'comma_separated.dbf'));
    expect(table.fields.map((f) => [f.key, f.type])).toEqual([['AUGSTUMS', 'REAL'], ['PIEZIMES', 'TEXT']]);
    expect(table.rows[0]).toEqual({ AUGSTUMS: 68.5, PIEZIMES: '10k' });
  });

  it('duplicate field names (cut to 10 bytes by the writer) are made unique, with a note', () => {
    const table = readTable(path.join(DIR, 'duplicate_fields.dbf'));
    const keys = table.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('unemployed_2');
    expect(table.notes.join('\n')).toMatch(/two fields named unemployed/);
  });

  it('reads a larger real table (ne_10m_time_zones) with the same rows as GDAL', () => {
    const file = path.join(DIR, 'ne_10m_time_zones.dbf');
    const table = readTable(file);
    const gdalTable = gdalRows(file, table.encoding === 'utf-8' ? 'UTF-8' : undefined);
    expect(table.rows.length).toBe(gdalTable.length);
    // GDAL rounds nothing and trims trailing blanks, as we do; it reads N(…,0) wider than 9 as Integer64.
    expect(table.rows).toEqual(gdalTable);
  });
});
