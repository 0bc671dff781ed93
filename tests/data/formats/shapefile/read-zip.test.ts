import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZipEntry, listZip } from '../../../../data/formats/zip/read-zip.ts';
import { collect, corpus, openFiles } from './corpus.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const JS = corpus('shapefile-js');
const read = (name: string): Uint8Array => fs.readFileSync(path.join(JS, name));

describe('zip archives', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  const writeZip = (name: string, bytes: Uint8Array): string => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  it('lists entries with their folders, leaving out folders and macOS litter', () => {
    const zip = writeZip(
      'mixed.zip',
      zipSync({
        'data/roads/roads.shp': read('senate.shp'),
        'data/roads/roads.dbf': read('senate.dbf'),
        '__MACOSX/data/roads/._roads.shp': new Uint8Array([0, 5, 22, 7]),
        'data/._roads.dbf': new Uint8Array([1]),
        'data/.DS_Store': new Uint8Array([1]),
        'empty/': {},
      }),
    );
    expect(listZip({ path: zip, name: 'mixed.zip' }).map((e) => e.name)).toEqual(['data/roads/roads.shp', 'data/roads/roads.dbf']);
  });

  it('several shapefiles in nested folders are several layers; same base names in different folders stay apart', async () => {
    const zip = writeZip(
      'survey.zip',
      zipSync({
        '南湖区/parcels.shp': read('senate.shp'),
        '南湖区/parcels.shx': read('senate.shx'),
        '南湖区/parcels.dbf': read('senate.dbf'),
        '南湖区/parcels.prj': read('senate.prj'),
        '秀洲区/parcels.SHP': read('counties.shp'),
        '秀洲区/parcels.DBF': read('counties.dbf'),
        '__MACOSX/南湖区/._parcels.shp': new Uint8Array([0, 5, 22, 7]),
        'readme.txt': new TextEncoder().encode('not a layer'),
      }),
    );
    const layers = await openFiles([zip]);
    expect(layers.map((l) => l.name)).toEqual(['parcels', 'parcels']);
    expect(await Promise.all(layers.map(async (l) => (await collect(l)).length))).toEqual([40, 14]);
    expect(layers[0].crs).not.toBeNull();
    expect(layers[1].notes.join('\n')).toContain('survey.zip/秀洲区/parcels.SHP');
  });

  it('decodes GBK entry names written without the UTF-8 flag (zips made on Chinese Windows)', () => {
    // fflate writes UTF-8 names; write an ASCII stand-in of the same byte length, then put GBK bytes in its place.
    const gbk = Uint8Array.from([0xb5, 0xd8, 0xbf, 0xe9]); // 地块
    const bytes = Buffer.from(zipSync({ 'abcd.dbf': read('senate.dbf') }));
    for (let i = bytes.indexOf('abcd.dbf'); i >= 0; i = bytes.indexOf('abcd.dbf', i + 1)) bytes.set(gbk, i);
    const zip = writeZip('gbk.zip', bytes);
    expect(listZip({ path: zip, name: 'gbk.zip' }).map((e) => e.name)).toEqual(['地块.dbf']);
  });

  it('extracts stored and deflated entries exactly, and refuses damaged data naming the archive', () => {
    const shp = read('senate.shp');
    const zip = writeZip('two.zip', zipSync({ 'a.shp': [shp, { level: 0 }], 'b.shp': [shp, { level: 9 }] }));
    const [stored, deflated] = listZip({ path: zip, name: 'two.zip' });
    expect([stored.method, deflated.method]).toEqual([0, 8]);
    for (const entry of [stored, deflated]) {
      extractZipEntry({ path: zip, name: 'two.zip' }, entry, path.join(dir, 'out.shp'));
      expect(Buffer.compare(fs.readFileSync(path.join(dir, 'out.shp')), shp)).toBe(0);
    }
    const damaged = Buffer.from(fs.readFileSync(zip));
    damaged[stored.headerOffset + 30 + 'a.shp'.length + 500] ^= 0xff;
    const bad = writeZip('bad.zip', damaged);
    expect(() => extractZipEntry({ path: bad, name: 'bad.zip' }, stored, path.join(dir, 'x.shp'))).toThrow(/^bad\.zip is not a readable zip archive: a\.shp is damaged/);
  });

  it('a zip cut short: invalid_file naming it', async () => {
    const whole = fs.readFileSync(path.join(JS, 'senate.zip'));
    const cut = writeZip('cut.zip', whole.subarray(0, whole.length - 200));
    await expect(openFiles([cut])).rejects.toThrow(/^cut\.zip is not a readable zip archive/);
  });
});
