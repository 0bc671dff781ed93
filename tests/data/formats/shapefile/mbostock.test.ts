import fs from 'node:fs';
import path from 'node:path';
import { rewind } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { collect, corpus, gdalCounts, openFiles } from './corpus.ts';

const DIR = corpus('mbostock-shapefile');
const SHAPEFILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.shp')).sort();

/** Expected properties as we give them: mbostock leaves out nulls and writes dates as YYYYMMDD. */
function expectedProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, typeof v === 'string' && /^\d{8}$/.test(v) && k === 'date' ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v]));
}

/**
 * Our properties as mbostock's expected files give them: without nulls, and without the FID column
 * GDAL puts in the .dbf of a layer with no attributes (mbostock's files were made with ogr2ogr and
 * leave it out; GDAL itself reads it as an ordinary field, as we do).
 */
const comparable = (props: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(props).filter(([k, v]) => v !== null && (k !== 'FID' || 'FID' in expected)));

/** mbostock keeps the shapefile's clockwise outer rings; we give RFC 7946 winding. */
const rfc7946 = (g: Geometry | null): Geometry | null => (g ? (rewind(g) as Geometry) : null);

describe('mbostock/shapefile corpus: each .shp reads as the GeoJSON beside it', () => {
  it('has the files the tests expect', () => {
    expect(SHAPEFILES.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of SHAPEFILES) {
    it(name, async () => {
      const file = path.join(DIR, name);
      const expected = JSON.parse(fs.readFileSync(file.replace(/\.shp$/, '.json'), 'utf8')) as FeatureCollection;
      // Several of these have no .dbf (their expected properties are empty): geometry only.
      const [layer] = await openFiles([file], { allowNoAttributes: true });
      const features = await collect(layer);
      expect(features.length).toBe(expected.features.length);
      expect([features.length]).toEqual(gdalCounts(file));
      expect(layer.countHint).toBe(features.length);
      features.forEach((f, i) => {
        expect(f.geometry, `${name} feature ${i}`).toEqual(rfc7946(expected.features[i].geometry));
        const want = expected.features[i].properties ?? {};
        expect(comparable(f.properties, want), `${name} feature ${i}`).toEqual(expectedProperties(want));
      });
    });
  }

  it('latin1-property: Windows-1252 from the DBF language driver 0x57, and "México" reads right', async () => {
    const [layer] = await openFiles([path.join(DIR, 'latin1-property.shp')]);
    expect(layer.encoding).toBe('windows-1252');
    expect((await collect(layer))[0].properties.name).toBe('México');
  });

  it('utf8-property: UTF-8 from the .cpg, field name included', async () => {
    const [layer] = await openFiles([path.join(DIR, 'utf8-property.shp')]);
    expect(layer.encoding).toBe('utf-8');
    expect(layer.fields).toEqual([{ key: '☃', type: 'TEXT' }]);
    expect(layer.notes.join('\n')).toMatch(/utf8-property\.cpg/);
  });

  it('field types: booleans, dates, integers, reals', async () => {
    const types = async (n: string) => (await openFiles([path.join(DIR, `${n}.shp`)], { allowNoAttributes: true }))[0].fields.map((f) => f.type);
    expect(await types('boolean-property')).toEqual(['BOOLEAN']);
    expect(await types('date-property')).toEqual(['DATE']);
    // N(10,0): wider than 9 digits, so REAL (GDAL says Integer64); the values stay whole numbers.
    expect(await types('number-property')).toEqual(['REAL']);
    expect(await types('singleton')).toEqual(['REAL']);
    expect(await types('number-null-property')).toEqual(['TEXT', 'TEXT', 'REAL']);
  });
});
