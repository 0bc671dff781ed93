import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geojsonReader } from '../../../../data/formats/geojson/index.ts';
import type { SourceLayer } from '../../../../data/formats/types.ts';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { checkGeometry } from '../../../../shared/geometry/index.ts';
import { HAS_TESTDATA, TESTDATA } from './testdata.ts';

/**
 * mapbox/geojsonhint's bad and good files (../shared/testdata/geojsonhint). Each bad file's `.result`
 * lists geojsonhint's messages; every message maps to what Renewal Atlas does about it:
 * - 'error': the reader refuses the file with AtlasError('invalid_file');
 * - a problem kind: the file reads and checkGeometry reports that problem on a feature;
 * - 'note': the file reads and the layer notes what was ignored;
 * - 'accepted': the file reads; we do not see a problem (the reason is beside the entry).
 */
type Outcome = 'error' | 'note' | 'accepted' | 'nan_coordinate' | 'empty_geometry' | 'unclosed_ring' | 'short_ring' | 'wrong_winding' | 'unsupported_geometry';

const MESSAGES: [RegExp, Outcome][] = [
  [/^Parse error/, 'error'],
  [/^The root of a GeoJSON object must be an object/, 'error'],
  [/duplicate members/, 'error'],
  [/^"type" member required/, 'error'],
  [/^"type" member should be string/, 'error'],
  [/^The type \w+ is unknown/, 'error'],
  [/^Expected FeatureCollection but got featurecollection/, 'error'],
  [/^"features" member required/, 'error'],
  [/^"features" member should be an array/, 'error'],
  [/^Every feature must be an object/, 'error'],
  [/^GeoJSON features must have a type=feature member/, 'error'],
  [/^"properties" member should be object/, 'error'],
  [/^Feature "id" member must have a string or number value/, 'error'],
  // A missing "properties" reads as {}, a missing "geometry" as null (as GDAL does).
  [/^"(properties|geometry)" member required/, 'accepted'],
  // Members that would change an object's meaning (RFC 7946 §7.1) are ignored, with a note.
  [/object cannot contain a "\w+" member/, 'note'],
  // We compute extents ourselves; a broken bbox is ignored, with a note.
  [/bbox/, 'note'],
  // A style warning, not a fault.
  [/^GeometryCollection with a single geometry should be avoided/, 'accepted'],
  // A fourth number is an M value; extra ordinates are kept.
  [/^position should not have more than 3 elements/, 'accepted'],
  // Only in bad-feature-with-number-id.result, which has no .geojson beside it.
  [/^"id" property should be string/, 'accepted'],
  [/^"coordinates" member required/, 'empty_geometry'],
  [/^"coordinates" member should be an array/, 'nan_coordinate'],
  [/a number was found where a coordinate array should have been found/, 'nan_coordinate'],
  [/^each element in a position must be a number/, 'nan_coordinate'],
  [/^position should be an array/, 'nan_coordinate'],
  [/^position must have 2 or more elements/, 'nan_coordinate'],
  [/^the first and last positions in a LinearRing of coordinates must be the same/, 'unclosed_ring'],
  [/^a LinearRing of coordinates needs to have four or more positions/, 'short_ring'],
  [/^a line needs to have two or more coordinates/, 'short_ring'],
  [/^Polygons and MultiPolygons should follow the right-hand rule/, 'wrong_winding'],
  [/^The geometries array in a GeometryCollection must contain only geometry objects/, 'unsupported_geometry'],
  [/^GeometryCollection should avoid nested geometry collections/, 'unsupported_geometry'],
];

/** Where we knowingly differ from geojsonhint's `.result`: the outcome we give instead, and why. */
const DIFFERENCES: Record<string, { outcomes: Outcome[]; why: string }> = {
  'short-linearring.geojson': {
    outcomes: ['unclosed_ring'],
    why: 'its 3 positions close into a 4-position triangle, a valid ring: only the closing is reported (fixed)',
  },
};

function outcomeOf(message: string): Outcome {
  const hit = MESSAGES.find(([re]) => re.test(message));
  if (!hit) throw new Error(`No mapping for the geojsonhint message "${message}"`);
  return hit[1];
}

const BAD = path.join(TESTDATA, 'geojsonhint/bad');
const GOOD = path.join(TESTDATA, 'geojsonhint/good');
const list = (dir: string, ext: string) => (HAS_TESTDATA ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : []);

async function read(dir: string, name: string): Promise<{ layer: SourceLayer; kinds: Set<string> }> {
  const [layer] = await geojsonReader.open([{ path: path.join(dir, name), name }], {});
  const kinds = new Set<string>();
  for await (const f of layer.features()) for (const p of checkGeometry(f.geometry, f.index).problems) kinds.add(p.kind);
  return { layer, kinds };
}

describe.skipIf(!HAS_TESTDATA)('geojsonhint bad files (../shared/testdata/geojsonhint/bad)', () => {
  it('has a .geojson beside every .result but one', () => {
    const inputs = new Set(list(BAD, '.geojson').map((f) => f.replace(/\.geojson$/, '')));
    expect(list(BAD, '.result').filter((f) => !inputs.has(f.replace(/\.result$/, '')))).toEqual(['bad-feature-with-number-id.result']);
  });

  it.each(list(BAD, '.geojson'))('%s: refused with a clear error, or read with the problems its .result lists', async (name) => {
    const messages = (JSON.parse(fs.readFileSync(path.join(BAD, name.replace(/\.geojson$/, '.result')), 'utf8')) as { message: string }[]).map((m) => m.message);
    const outcomes = DIFFERENCES[name]?.outcomes ?? [...new Set(messages.map(outcomeOf))];
    if (outcomes.includes('error')) {
      const err = await read(BAD, name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `${name} should be refused`).toBeInstanceOf(AtlasError);
      const e = err as AtlasError;
      expect(e.code).toBe('invalid_file');
      expect(e.params.file).toBe(name);
      expect(e.message.startsWith(`${name} is not`)).toBe(true);
      return;
    }
    const { layer, kinds } = await read(BAD, name);
    const expectedKinds = outcomes.filter((o) => o !== 'note' && o !== 'accepted');
    for (const k of expectedKinds) expect([...kinds], `${name} should show ${k}`).toContain(k);
    if (outcomes.includes('note')) expect(layer.notes.join(' '), name).toMatch(/Ignored the/);
    if (expectedKinds.length === 0) expect([...kinds], `${name} has no geometry problem`).toEqual([]);
  });
});

describe.skipIf(!HAS_TESTDATA)('geojsonhint good files (../shared/testdata/geojsonhint/good)', () => {
  it.each(list(GOOD, '.geojson'))('%s reads without error, and its geometries import', async (name) => {
    const { layer, kinds } = await read(GOOD, name);
    expect(layer.notes).toEqual([]);
    // nullgeometry.geojson is valid GeoJSON, but a feature without geometry cannot be imported as one.
    expect([...kinds]).toEqual(name === 'nullgeometry.geojson' ? ['null_geometry'] : []);
  });
});
