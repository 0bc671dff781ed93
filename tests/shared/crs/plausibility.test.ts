import { describe, expect, it } from 'vitest';
import type { XY } from '../../../shared/crs/types.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import { checkCoordinates, guessCrsCandidates } from '../../../shared/crs/plausibility.ts';

// Jiaxing's centre (120.755E 30.755N) and the main urban area's NE corner in several CRSs (GDAL's numbers).
const LON_LAT: XY[] = [[120.755, 30.755], [120.86, 30.81]];
const GK_CM120: XY[] = [[572290.413, 3404055.39], [582322.1, 3410214.8]];
const GK_ZONE40: XY[] = [[40572290.413, 3404055.39], [40582322.1, 3410214.8]];
const GK_CM117: XY[] = [[859655.761, 3409843.902]];
const WEB_MERCATOR: XY[] = [[13442385.11, 3600971.94], [13454073.66, 3608098.53]];

describe('checkCoordinates', () => {
  it('accepts Jiaxing in EPSG:4549', () => {
    expect(checkCoordinates(GK_CM120, resolveCrs('EPSG:4549'))).toMatchObject({ ok: true });
  });

  it('accepts Jiaxing lon/lat without a CRS', () => {
    expect(checkCoordinates(LON_LAT, null).ok).toBe(true);
  });

  it('catches Gauss-Kruger metres read as WGS84 degrees', () => {
    expect(checkCoordinates(GK_CM120, resolveCrs('EPSG:4326')).problem).toBe('projected_as_degrees');
  });

  it('names the CRS and a sample point in the message', () => {
    const { message } = checkCoordinates(GK_CM120, resolveCrs('EPSG:4326'));
    expect(message).toMatch(/WGS 84 \(EPSG:4326\).*\(572290\.413, 3404055\.39\)/);
  });

  it('suggests the likely CRS in the message', () => {
    expect(checkCoordinates(GK_CM120, resolveCrs('EPSG:4326')).message).toMatch(/Perhaps .*EPSG:4549/);
  });

  it('catches projected metres without a CRS', () => {
    expect(checkCoordinates(GK_ZONE40, null).problem).toBe('projected_as_degrees');
  });

  it('catches lon/lat read as Gauss-Kruger metres', () => {
    expect(checkCoordinates(LON_LAT, resolveCrs('EPSG:4549')).problem).toBe('degrees_as_projected');
  });

  it('catches eastings with the zone prefix read as a CRS without it', () => {
    expect(checkCoordinates(GK_ZONE40, resolveCrs('EPSG:4549')).problem).toBe('outside_crs_area');
  });

  it('catches eastings without prefix read as a CRS with it', () => {
    expect(checkCoordinates(GK_CM120, resolveCrs('EPSG:4528')).problem).toBe('outside_crs_area');
  });

  it('catches a point more than 3° from a 3-degree zone\'s central meridian (CM 117E data read as CM 120E)', () => {
    const check = checkCoordinates(GK_CM117, resolveCrs('EPSG:4549'));
    expect([check.problem, check.message]).toEqual(['outside_crs_area', expect.stringContaining('central meridian 120°E')]);
  });

  it('catches points that land outside China', () => {
    expect(checkCoordinates([[15584728.71, 3503549.84]], resolveCrs('EPSG:3857')).problem).toBe('in_ocean');
  });

  it('skips the China test when told the layer may be elsewhere', () => {
    expect(checkCoordinates([[-80.84, 35.23]], resolveCrs('EPSG:4326'), { area: null }).ok).toBe(true);
  });

  it('catches GCJ-02 lon/lat that are projected numbers', () => {
    expect(checkCoordinates(WEB_MERCATOR, resolveCrs('gcj02')).problem).toBe('projected_as_degrees');
  });

  it('passes when there is nothing finite to check', () => {
    expect(checkCoordinates([[Number.NaN, Number.NaN]], resolveCrs('EPSG:4549')).ok).toBe(true);
  });
});

describe('guessCrsCandidates', () => {
  it('offers WGS84, GCJ-02 and BD-09 for lon/lat in China', () => {
    expect(guessCrsCandidates(LON_LAT).map((c) => c.id)).toEqual(['EPSG:4326', 'GCJ02', 'BD09']);
  });

  it('offers only WGS84 for lon/lat outside China', () => {
    expect(guessCrsCandidates([[-80.84, 35.23]]).map((c) => c.id)).toEqual(['EPSG:4326']);
  });

  it('reads the zone from the prefix: 40,5xx,xxx → CGCS2000 zone 40 (EPSG:4528) first', () => {
    expect(guessCrsCandidates(GK_ZONE40)[0]).toEqual({ id: 'EPSG:4528', name: 'CGCS2000 / 3-degree Gauss-Kruger zone 40' });
  });

  it('offers the older datums\' zone 40 after CGCS2000\'s', () => {
    expect(guessCrsCandidates(GK_ZONE40).map((c) => c.id)).toEqual(['EPSG:4528', 'EPSG:2364', 'EPSG:2416']);
  });

  it('reads a 6-degree zone prefix: 21,xxx,xxx → CGCS2000 6-degree zone 21 (EPSG:4499)', () => {
    expect(guessCrsCandidates([[21_357_000, 3_404_000]])[0].id).toBe('EPSG:4499');
  });

  it('offers CM 120E first for eastings without prefix, then CM 117E and 123E', () => {
    expect(guessCrsCandidates(GK_CM120).slice(0, 3).map((c) => c.id)).toEqual(['EPSG:4549', 'EPSG:4548', 'EPSG:4550']);
  });

  it('offers Web Mercator for numbers of its size', () => {
    expect(guessCrsCandidates(WEB_MERCATOR)[0].id).toBe('EPSG:3857');
  });

  it('offers nothing for numbers no CRS explains', () => {
    expect(guessCrsCandidates([[500, 99_999_999]])).toEqual([]);
  });
});
