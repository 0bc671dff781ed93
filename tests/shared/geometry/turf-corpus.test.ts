import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { kinks } from '@turf/turf';
import { checkGeometry } from '../../../shared/geometry/index.ts';
import { HAS_TESTDATA, TESTDATA, geojsonFiles, geometriesOf } from './testdata.ts';

/** `turf-boolean-valid/test/{true,false}/<Type>/*.geojson`, one geometry per file. */
function labelled(label: 'true' | 'false'): [string, Geometry][] {
  const root = path.join(TESTDATA, 'turf/turf-boolean-valid/test', label);
  return fs
    .readdirSync(root)
    .sort()
    .flatMap((type) => geojsonFiles(path.join('turf/turf-boolean-valid/test', label, type)).map((f) => [`${type}/${path.basename(f)}`, geometriesOf(f)[0] as Geometry] as [string, Geometry]));
}

describe.skipIf(!HAS_TESTDATA)('checkGeometry on Turf’s labelled geometries (../shared/testdata/turf)', () => {
  it('finds every "valid" geometry importable, at most rewinding holes', () => {
    const cases = labelled('true');
    expect(cases.length).toBe(13);
    for (const [name, g] of cases) {
      const r = checkGeometry(g, 0);
      expect(r.valid, name).toBe(true);
      // Turf's fixtures wind holes counter-clockwise; RFC 7946 wants them clockwise, so they are rewound.
      expect(r.problems.map((p) => p.kind).filter((k) => k !== 'wrong_winding'), name).toEqual([]);
    }
  });

  it('finds a problem in every "invalid" geometry, and the one that is wrong', () => {
    const expected: Record<string, string> = {
      'GeometryCollection/empty-geometry-collection.geojson': 'empty_geometry',
      'GeometryCollection/malformed-geometry-in-collection.geojson': 'nan_coordinate',
      'GeometryCollection/nested-collection.geojson': 'unsupported_geometry',
      'GeometryCollection/no-type-in-nested-geometry.geojson': 'unsupported_geometry',
      'GeometryCollection/non-geometry-in-collection.geojson': 'unsupported_geometry',
      'MultiPoint/multipoint.geojson': 'nan_coordinate',
      'MultiPolygon/multipoly-with-2-vertices-touching.geojson': 'self_intersection',
      'MultiPolygon/multipolygons-overlap.geojson': 'self_intersection',
      'MultiPolygon/not-enough-coords.geojson': 'short_ring',
      'Point/point.geojson': 'nan_coordinate',
      // Differs from Turf: an open ring is a problem we fix by closing it, so the feature imports.
      'Polygon/not-closing-ring.geojson': 'unclosed_ring',
      'Polygon/not-enough-coords.geojson': 'short_ring',
      'Polygon/polygon-with-hole-2-vertices-touching.geojson': 'self_intersection',
      'Polygon/polygon-with-puncture.geojson': 'self_intersection',
      'Polygon/polygon-with-spike.geojson': 'self_intersection',
    };
    const cases = labelled('false');
    expect(cases.map(([n]) => n)).toEqual(Object.keys(expected));
    for (const [name, g] of cases) {
      const r = checkGeometry(g, 0);
      expect(r.problems.map((p) => p.kind), name).toContain(expected[name]);
      expect(r.valid, name).toBe(name === 'Polygon/not-closing-ring.geojson');
    }
  });

  it('agrees with turf.kinks on Turf’s kinked polygons (kinks in lines are valid for us)', () => {
    const files = [...geojsonFiles('turf/turf-kinks/test/in'), ...geojsonFiles('turf/turf-unkink-polygon/test/in')];
    let polygons = 0;
    for (const file of files) {
      for (const g of geometriesOf(file) as Geometry[]) {
        const r = checkGeometry(g, 0);
        const name = `${path.basename(file)} ${g.type}`;
        if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
          expect(r.valid, name).toBe(true);
          continue;
        }
        polygons++;
        const kinked = kinks(g).features.length > 0;
        expect(r.problems.some((p) => p.kind === 'self_intersection'), name).toBe(kinked);
      }
    }
    expect(polygons).toBeGreaterThanOrEqual(14);
  });

  it('rewinds polygons as turf.rewind does', () => {
    for (const file of geojsonFiles('turf/turf-rewind/test/in')) {
      const [g] = geometriesOf(file) as Geometry[];
      if (g.type !== 'Polygon') continue;
      const [want] = geometriesOf(path.join(TESTDATA, 'turf/turf-rewind/test/out', path.basename(file)));
      expect(checkGeometry(g, 0).geometry, path.basename(file)).toEqual(want);
    }
  });
});
