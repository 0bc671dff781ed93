import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../shared/api/errors.ts';
import { setCodeLookup } from '../../../shared/crs/catalog.ts';
import { COMMON_CRS, describeCrs, resolveCrs } from '../../../shared/crs/resolve.ts';

function errorOf(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AtlasError) return err;
    throw err;
  }
  throw new Error('expected an AtlasError');
}

describe('resolveCrs by code', () => {
  it.each(['EPSG:4549', '4549', 'epsg:4549', ' EPSG::4549 ', 'urn:ogc:def:crs:EPSG::4549', 'http://www.opengis.net/def/crs/EPSG/0/4549'])(
    'reads %j as EPSG:4549',
    (input) => {
      expect(resolveCrs(input).id).toBe('EPSG:4549');
    },
  );

  it('reads GeoJSON\'s urn:ogc:def:crs:OGC:1.3:CRS84 as WGS 84', () => {
    expect(resolveCrs('urn:ogc:def:crs:OGC:1.3:CRS84').id).toBe('EPSG:4326');
  });

  it('reads the unofficial Web Mercator code 900913 as EPSG:3857', () => {
    expect(resolveCrs('EPSG:900913').id).toBe('EPSG:3857');
  });

  it('refuses an EPSG code it has no definition for, naming the code', () => {
    const err = errorOf(() => resolveCrs('EPSG:2154'));
    expect([err.code, err.message]).toEqual(['invalid_file', expect.stringContaining('EPSG:2154')]);
    expect(err.params).toMatchObject({ code: 2154 });
  });

  it('asks an installed registry for codes beyond the built-ins, and only for those', () => {
    const asked: number[] = [];
    const swiss = { id: 'EPSG:2056', name: 'CH1903+ / LV95', geographic: false, proj4: '+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=2600000 +y_0=1200000 +ellps=bessel +towgs84=674.374,15.056,405.346,0,0,0,0 +units=m +no_defs' };
    setCodeLookup((code) => {
      asked.push(code);
      if (code === 2056) return { crs: swiss };
      if (code === 5773) return { unusable: '(EGM96 height) is a vertical coordinate system' };
      return undefined;
    });
    try {
      expect(resolveCrs('EPSG:2056')).toBe(swiss);
      expect(resolveCrs('EPSG:4549').name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E');
      expect(errorOf(() => resolveCrs('EPSG:5773')).message).toBe('EPSG:5773 (EGM96 height) is a vertical coordinate system');
      expect(errorOf(() => resolveCrs('EPSG:99999')).message).toMatch(/^EPSG:99999 is not the code of a coordinate system in the EPSG registry/);
      expect(asked).toEqual([2056, 5773, 99999]);
    } finally {
      setCodeLookup(null);
    }
  });
});

describe('the renderer side', () => {
  const read = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return read(full);
      return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
    });

  it('never loads the EPSG registry: nothing under shared/ or renderer/ imports epsg-index or data/crs', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const offenders = [...read(path.join(root, 'shared')), ...read(path.join(root, 'renderer'))].filter((f) =>
      /(?:from|import|require\()\s*\(?\s*['"][^'"]*(?:epsg-index|data\/crs)/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('resolveCrs by name', () => {
  it.each(['gcj02', 'GCJ-02', 'gcj', 'GCJ_02'])('reads %j as GCJ-02', (input) => {
    expect(resolveCrs(input)).toMatchObject({ id: 'GCJ02', geographic: true, proj4: null });
  });

  it.each(['bd09', 'BD-09'])('reads %j as BD-09', (input) => {
    expect(resolveCrs(input)).toMatchObject({ id: 'BD09', geographic: true, proj4: null });
  });

  it.each([
    ['wgs84', 'EPSG:4326'],
    ['WGS 84', 'EPSG:4326'],
    ['cgcs2000', 'EPSG:4490'],
    ['CGCS2000', 'EPSG:4490'],
  ])('reads %j as %s', (input, id) => {
    expect(resolveCrs(input).id).toBe(id);
  });
});

describe('resolveCrs of proj4 strings', () => {
  it('takes a proj4 string as a custom projected CRS', () => {
    const def = resolveCrs('+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(def).toMatchObject({ id: 'CUSTOM', geographic: false });
  });

  it('takes +proj=longlat as geographic', () => {
    expect(resolveCrs('+proj=longlat +ellps=krass +towgs84=15.8,-154.4,-82.3 +no_defs').geographic).toBe(true);
  });

  it('refuses an unknown projection with invalid_file', () => {
    expect(errorOf(() => resolveCrs('+proj=nonesuch +lon_0=120')).code).toBe('invalid_file');
  });
});

describe('resolveCrs of garbage', () => {
  it('refuses an HTML page, saying it is one and quoting it', () => {
    const err = errorOf(() => resolveCrs('<!DOCTYPE html><html><head><title>Map</title>'));
    expect([err.code, err.message]).toEqual(['invalid_file', expect.stringMatching(/HTML.*<!DOCTYPE html>/)]);
  });

  it('refuses an empty string', () => {
    expect(errorOf(() => resolveCrs('  \n')).code).toBe('invalid_file');
  });

  it('refuses a sentence with brackets, which is not WKT', () => {
    expect(errorOf(() => resolveCrs('Jiaxing (city grid)')).message).toMatch(/Not a CRS definition.*Jiaxing \(city grid\)/);
  });

  it('refuses a sentence', () => {
    expect(errorOf(() => resolveCrs('Jiaxing city grid')).message).toContain('Jiaxing city grid');
  });
});

describe('describeCrs and COMMON_CRS', () => {
  it('names a CRS with its code', () => {
    expect(describeCrs(resolveCrs('EPSG:4549'))).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)');
  });

  it('marks a custom definition as such', () => {
    expect(describeCrs(resolveCrs('+proj=longlat +ellps=GRS80'))).toContain('custom definition');
  });

  it('offers each common CRS once, every one resolvable by its id', () => {
    const ids = COMMON_CRS.map((c) => c.id);
    expect([new Set(ids).size, ids.map((id) => resolveCrs(id).id)]).toEqual([ids.length, ids]);
  });

  it('offers Jiaxing\'s zone with and without prefix, the web-map systems and UTM 50N/51N', () => {
    expect(COMMON_CRS.map((c) => c.id)).toEqual(
      expect.arrayContaining(['EPSG:4326', 'EPSG:4490', 'EPSG:4528', 'EPSG:4549', 'EPSG:3857', 'EPSG:32650', 'EPSG:32651', 'GCJ02', 'BD09']),
    );
  });
});
