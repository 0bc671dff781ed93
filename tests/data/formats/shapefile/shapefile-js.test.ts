import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { shapefileReader } from '../../../../data/formats/shapefile/reader.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { collect, corpus, gdalCounts, openFiles } from './corpus.ts';

const DIR = corpus('shapefile-js');
const at = (name: string): string => path.join(DIR, name);

async function openError(paths: string[], opts = {}): Promise<AtlasError> {
  const err = await openFiles(paths, opts).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AtlasError)) throw new Error(`expected an AtlasError, got ${String(err)}`);
  return err;
}

describe('shapefile-js corpus: odd and broken shapefiles', () => {
  const READABLE = ['LGA_2013_AUST.shp', 'codepage.shp', 'counties.shp', 'export_multipointz.shp', 'export_polylinez.shp', 'ipra_dresden_polygon.shp', 'senate.shp', 'utf.shp'];
  for (const name of READABLE) {
    it(`${name}: as many features as ogrinfo counts`, async () => {
      const [layer] = await openFiles([at(name)]);
      const features = await collect(layer);
      expect([features.length]).toEqual(gdalCounts(at(name)));
      expect(layer.countHint).toBe(features.length);
    });
  }

  // Without a .shx GDAL needs SHAPE_RESTORE_SHX; we rebuild the index by reading the .shp through.
  for (const name of ['htmlcpg.shp', 'htmlprj.shp']) {
    it(`${name}: no .shx, so the index is rebuilt (noted) and every feature is read`, async () => {
      const [layer] = await openFiles([at(name)]);
      expect([(await collect(layer)).length]).toEqual(gdalCounts(at(name)));
      expect(layer.notes.join('\n')).toMatch(/\.shx is missing; the record index was rebuilt/);
    });
  }

  for (const name of ['SHP_Exclude.zip', 'T8Th4_6n.zip', 'codepage.zip', 'counties.zip', 'mixedcase.zip', 'qgis.zip', 'senate.zip', 'train_stations.zip', 'utf.zip', 'zero-len-line.zip']) {
    it(`${name}: read from the zip with as many features as ogrinfo counts`, async () => {
      const layers = await openFiles([at(name)]);
      // T8Th4_6n.zip keeps its shapefile in a folder, where GDAL looks only when told.
      const inner = name === 'T8Th4_6n.zip' ? '/export' : '';
      const counts = await Promise.all(layers.map(async (l) => (await collect(l)).length));
      expect(counts).toEqual(gdalCounts(`/vsizip/${at(name)}${inner}`));
    });
  }

  it('mixedcase.zip: senate.DBF is found beside senate.shp', async () => {
    const [layer] = await openFiles([at('mixedcase.zip')]);
    expect(layer.name).toBe('senate');
    expect(layer.fields.length).toBe(9);
    expect((await collect(layer))[0].properties.SENATOR).toBeTypeOf('string');
  });

  it('bad.shp (a .dbf renamed): invalid_file naming the file', async () => {
    const err = await openError([at('bad.shp')], { allowNoAttributes: true });
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^bad\.shp is not a shapefile/);
  });

  it('badzip.zip (not a zip at all): claimed, then invalid_file naming it', async () => {
    expect(shapefileReader.claim([{ path: at('badzip.zip'), name: 'badzip.zip' }])).not.toBeNull();
    const err = await openError([at('badzip.zip')]);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^badzip\.zip is not a readable zip archive/);
  });

  it('noshp.zip (a .dbf without its .shp): invalid_file "has no .shp"', async () => {
    const err = await openError([at('noshp.zip')]);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/has no \.shp/);
    expect(err.message).toContain('noshp.zip/counties.dbf');
  });

  for (const name of ['no-dbf.shp', 'no-dbf.zip']) {
    it(`${name}: needs_input to import without attributes; with consent, geometry only`, async () => {
      const err = await openError([at(name)]);
      expect(err.code).toBe('needs_input');
      expect(err.message).toMatch(/has no \.dbf: import geometry only\? \(--no-attributes\)/);
      const [layer] = await openFiles([at(name)], { allowNoAttributes: true });
      const features = await collect(layer);
      expect(features.length).toBe(14);
      expect(layer.fields).toEqual([]);
      expect(features[0].properties).toEqual({});
      expect(layer.notes.join('\n')).toMatch(/without attributes/);
    });
  }

  it('htmlprj: an HTML page saved as .prj is noted and ignored, CRS null', async () => {
    const [layer] = await openFiles([at('htmlprj.shp')]);
    expect(layer.crs).toBeNull();
    expect(layer.notes.join('\n')).toMatch(/htmlprj\.prj is not a projection file, ignored/);
  });

  it('htmlcpg: an HTML page saved as .cpg is noted and ignored, the text then detected (UTF-8)', async () => {
    const [layer] = await openFiles([at('htmlcpg.shp')]);
    expect(layer.notes.join('\n')).toMatch(/htmlcpg\.cpg does not name a text encoding \(it looks like an HTML page\), ignored/);
    expect(layer.encoding).toBe('utf-8');
    expect((await collect(layer))[0].properties.field).toBe('💩');
  });

  it('codepage.cpg "ANSI 1250" is Windows-1250', async () => {
    const [layer] = await openFiles([at('codepage.shp')]);
    expect(layer.encoding).toBe('windows-1250');
  });

  it('Z and M shapes read as 2D', async () => {
    const [points] = await openFiles([at('export_multipointz.shp')]);
    expect((await collect(points))[0].geometry).toEqual({ type: 'MultiPoint', coordinates: [[-123, 48], [-122, 47], [-121, 46]] });
    const [lines] = await openFiles([at('export_polylinez.shp')]);
    const geometry = (await collect(lines))[0].geometry;
    expect(geometry?.type).toBe('MultiLineString');
    expect(JSON.stringify(geometry)).not.toMatch(/\[[^[\]]*,[^[\]]*,[^[\]]*\]/); // no third ordinate anywhere
  });

  it('counties.* without .prj: crs null, noted', async () => {
    const [layer] = await openFiles([at('counties.shp')]);
    expect(layer.crs).toBeNull();
    expect(layer.notes.join('\n')).toMatch(/counties\.shp has no \.prj/);
  });

  it('senate.prj (NAD83 / Massachusetts Mainland) resolves to a projected CRS', async () => {
    const [layer] = await openFiles([at('senate.shp')]);
    expect(layer.crs?.geographic).toBe(false);
  });

  it('reading stops with "cancelled" once the signal is aborted', async () => {
    const [layer] = await openFiles([at('senate.shp')]);
    const controller = new AbortController();
    controller.abort();
    await expect(layer.features(controller.signal)[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('features() can be iterated more than once, and reports progress in bytes', async () => {
    const [layer] = await openFiles([at('senate.shp')]);
    const first = await collect(layer);
    const second = await collect(layer);
    expect(second).toEqual(first);
    expect(layer.bytesRead!()).toBe(layer.sizeBytes);
  });
});

describe('shapefiles on disk: siblings, a missing .shx, truncation', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  const copy = (from: string, to: string): string => {
    fs.copyFileSync(at(from), path.join(dir, to));
    return path.join(dir, to);
  };

  it('a lone .shp finds its siblings whatever the case of their extensions (SENATE.SHP + senate.dbf)', async () => {
    const shp = copy('senate.shp', 'SENATE.SHP');
    copy('senate.shx', 'senate.SHX');
    copy('senate.dbf', 'senate.dbf');
    copy('senate.prj', 'Senate.Prj');
    fs.writeFileSync(path.join(dir, 'senate.txt'), 'not ours');
    const claimed = shapefileReader.claim([{ path: shp, name: 'SENATE.SHP' }]);
    expect(claimed?.map((f) => f.name).sort()).toEqual(['SENATE.SHP', 'Senate.Prj', 'senate.SHX', 'senate.dbf']);
    const [layer] = await shapefileReader.open(claimed!, {});
    expect(layer.fields.length).toBe(9);
    expect(layer.crs).not.toBeNull();
    expect(layer.notes.join('\n')).not.toMatch(/\.shx/);
  });

  it('a missing .shx is rebuilt from the .shp: all features, the same as with it', async () => {
    for (const ext of ['shp', 'dbf', 'prj']) copy(`senate.${ext}`, `senate.${ext}`);
    const [rebuilt] = await openFiles([path.join(dir, 'senate.shp')]);
    expect(rebuilt.notes.join('\n')).toMatch(/senate\.shx is missing; the record index was rebuilt by reading senate\.shp through/);
    expect(rebuilt.countHint).toBe(40);
    const [original] = await openFiles([at('senate.shp')]);
    expect(await collect(rebuilt)).toEqual(await collect(original));
  });

  it('ipra_dresden_polygon.shp without its .shx: the zero padding after its one record is noted, not read as records', async () => {
    copy('ipra_dresden_polygon.shp', 'ipra.shp');
    copy('ipra_dresden_polygon.dbf', 'ipra.dbf');
    const [layer] = await openFiles([path.join(dir, 'ipra.shp')]);
    expect((await collect(layer)).length).toBe(1);
    expect(layer.notes.join('\n')).toMatch(/ipra\.shp ends with \d+ bytes of padding after record 1, ignored/);
  });

  it('a truncated .shp: invalid_file naming the file and the record', async () => {
    const bytes = fs.readFileSync(at('counties.shp'));
    fs.writeFileSync(path.join(dir, 'counties.shp'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    copy('counties.dbf', 'counties.dbf');
    const err = await openError([path.join(dir, 'counties.shp')]);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^counties\.shp is truncated or damaged at record \d+/);
    expect(err.params.feature).toBeTypeOf('number');
  });

  it('a truncated .shp with its .shx: the index does not fit, and the error still names the record', async () => {
    const bytes = fs.readFileSync(at('counties.shp'));
    fs.writeFileSync(path.join(dir, 'counties.shp'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    copy('counties.shx', 'counties.shx');
    copy('counties.dbf', 'counties.dbf');
    const err = await openError([path.join(dir, 'counties.shp')]);
    expect(err.message).toMatch(/^counties\.shp is truncated or damaged at record \d+/);
  });

  it('a damaged record (part count past its content): invalid_file naming the record', async () => {
    const bytes = Buffer.from(fs.readFileSync(at('counties.shp')));
    bytes.writeInt32LE(1_000_000, 100 + 8 + 36); // record 1: numParts
    fs.writeFileSync(path.join(dir, 'counties.shp'), bytes);
    copy('counties.shx', 'counties.shx');
    copy('counties.dbf', 'counties.dbf');
    const [layer] = await openFiles([path.join(dir, 'counties.shp')]);
    await expect(collect(layer)).rejects.toThrow(/^counties\.shp is damaged: record 1 is cut short/);
  });

  it('does not claim files that are not shapefile parts, nor a .prj alone', () => {
    const txt = path.join(dir, 'notes.txt');
    fs.writeFileSync(txt, 'x');
    expect(shapefileReader.claim([{ path: txt, name: 'notes.txt' }])).toBeNull();
    expect(shapefileReader.claim([{ path: at('senate.prj'), name: 'senate.prj' }])).toBeNull();
  });
});
