import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toFeature } from '../../../../data/formats/geojson/document.ts';
import { FeatureDecoder, FeatureSurvey } from '../../../../data/formats/geojson/feature-bytes.ts';
import { FieldInference } from '../../../../data/formats/geojson/fields.ts';
import { newDecodedFeature, type FlatGeometry } from '../../../../data/formats/types.ts';
import { encodeGeometry, envelopeOf, FlatBlobEncoder, flatEnvelope, type Envelope } from '../../../../data/gpkg/geometry-blob.ts';
import { toWkb } from '../../../../data/gpkg/wkb-write.ts';
import { fitFlat, flatIsClean } from '../../../../data/import/flat-geometry.ts';
import { fitGeometry } from '../../../../data/import/geometry-fit.ts';
import { checkGeometry } from '../../../../shared/geometry/index.ts';

/**
 * The byte-level survey and decoder (feature-bytes.ts) must give exactly what the general path gives
 * (JSON.parse, toFeature, FieldInference.observe, checkGeometry, encodeGeometry), or decline.
 */

/** A seeded pseudo-random stream in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fields as the general path infers them from these features' texts. */
function generalFields(texts: string[]) {
  const inference = new FieldInference();
  texts.forEach((t, i) => inference.observe(toFeature(JSON.parse(t), i, 0).properties, t));
  return inference.fields();
}

/** Fields as the survey infers them (declined features through the general path), and how many it took. */
function surveyFields(texts: string[]) {
  const inference = new FieldInference();
  const survey = new FeatureSurvey(inference);
  let taken = 0;
  texts.forEach((t, i) => {
    if (survey.observe(Buffer.from(t))) taken++;
    else inference.observe(toFeature(JSON.parse(t), i, 0).properties, t);
  });
  return { fields: inference.fields(), taken };
}

/** GeoJSON geometry of a flat one, to compare. */
function geometryOf(g: FlatGeometry): Geometry {
  const c = g.counts;
  let i = g.start;
  let p = 0;
  const pos = (): Position => [g.xy[p * 2], g.xy[p++ * 2 + 1]];
  const line = (n: number) => Array.from({ length: n }, pos);
  const rings = () => Array.from({ length: c[i++] }, () => line(c[i++]));
  switch (g.type) {
    case 1:
      return { type: 'Point', coordinates: pos() };
    case 2:
      return { type: 'LineString', coordinates: line(c[i]) };
    case 3:
      return { type: 'Polygon', coordinates: rings() };
    case 4:
      return { type: 'MultiPoint', coordinates: line(c[i]) };
    case 5:
      return { type: 'MultiLineString', coordinates: rings() };
    default:
      return { type: 'MultiPolygon', coordinates: Array.from({ length: c[i++] }, rings) };
  }
}

const square = (x: number, y: number, d = 0.002): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

const EDGE_FEATURES = [
  '{"type":"Feature","properties":{"a":1,"b":"x","c":true,"d":null,"e":1.5},"geometry":null}',
  ' { "type" : "Feature" , "geometry" : { "coordinates" : [ 120.5 , 30.25 ] , "type" : "Point" } , "properties" : { "名称" : "月河" } } ',
  '{"type":"Feature","properties":{"r":12.0,"i":3,"x":1e2,"y":-0,"z":-0.0,"big":12345678901234567890,"safe":9007199254740991,"unsafe":9007199254740993}}',
  '{"type":"Feature","properties":{"d":"2024-05-01","t":"2024-05-01T08:30:00Z","t2":"2024-05-02 09:00","nd":"2024-13-01","esc":"2024\\u002d05-01","s":"2024-05-01x"}}',
  '{"type":"Feature","properties":{"o":{"a":[1, 2.50, {"b": null}]},"arr":[1,"x"],"e":{},"ea":[]}}',
  '{"type":"Feature","properties":{"q":"say \\"hi\\"\\n\\t\\\\ \\/ \\u4e2d\\ud83d\\ude00","u":"中文 ✓"}}',
  '{"type":"Feature","id":"way/42","properties":{"a":1}}',
  '{"type":"Feature","id":7,"properties":{"a":1}}',
  '{"type":"Feature","id":"2024-05-01","properties":{"id":"own"}}',
  '{"type":"Feature","id":null,"properties":null}',
  '{"type":"Feature"}',
  '{"type":"Feature","properties":{"dup":1,"dup":"x"}}',
  '{"type":"Feature","properties":{"b":1,"12":2,"a":3}}',
  '{"type":"Feature","properties":{"":1,"__proto__":2,"constructor":"c"}}',
  '{"type":"Feature","properties":{"k\\u0065y":1}}',
  '{"type":"Feature","properties":{"n":1.7976931348623157e308,"m":5e-324,"inf":1e400,"p":0.1,"q":123456789012345.6,"w":0.30000000000000004}}',
  '{"type":"Feature","foo":{"properties":{"x":1}},"properties":{"y":2},"bbox":[1,2,3,4]}',
  '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]],"bbox":[0,0,1,1]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2,3]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0]],[]]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,"x"]]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"Point","coordinates":[[1,2]]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[1,2],[[3,4]]]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{}}',
  '{"type":"Feature","geometry":{"type":"Point","type":"Point","coordinates":[1,2]},"properties":{}}',
];

describe('FeatureSurvey', () => {
  it('infers the same fields as the general path on edge cases', () => {
    for (const t of EDGE_FEATURES) expect(surveyFields([t]).fields, t).toEqual(generalFields([t]));
    expect(surveyFields(EDGE_FEATURES).fields).toEqual(generalFields(EDGE_FEATURES));
  });

  it('declines what JSON.parse or toFeature would treat otherwise, and takes the rest', () => {
    const { taken } = surveyFields(EDGE_FEATURES);
    const declined = EDGE_FEATURES.filter((t) => !new FeatureSurvey(new FieldInference()).observe(Buffer.from(t)));
    expect(declined).toEqual([
      '{"type":"Feature","properties":{"dup":1,"dup":"x"}}',
      '{"type":"Feature","properties":{"b":1,"12":2,"a":3}}',
      '{"type":"Feature","properties":{"k\\u0065y":1}}',
    ]);
    expect(taken).toBe(EDGE_FEATURES.length - declined.length);
  });

  it('declines broken JSON and features that are not Features, for the general path to name', () => {
    const broken = [
      '{"type":"Feature","properties":{"a":1,},"geometry":null}',
      '{"type":"Feature","properties":{"a":01}}',
      '{"type":"Feature","properties":{"a":1.}}',
      '{"type":"Feature","properties":{"a":-}}',
      '{"type":"Feature","properties":{"a":.5}}',
      '{"type":"Feature","properties":{"a":"tab\there"}}',
      '{"type":"Feature","properties":{"a":"\\x"}}',
      '{"type":"Feature","properties":{"a":"\\u12g4"}}',
      '{"type":"Feature","properties":{"a":tru}}',
      '{"type":"Feature","properties":{"a":[1,]}}',
      '{"type":"Feature","properties":{"a":1}} x',
      '{"type":"Feature","properties":{"a":1}',
      '{"type":"Featur","properties":{}}',
      '{"properties":{}}',
      '{"type":"Feature","properties":[1]}',
      '{"type":"Feature","properties":"x"}',
      '{"type":"Feature","id":{"a":1}}',
      '{"type":"Feature","id":true}',
      'null',
      '[]',
      '{}',
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]]}',
    ];
    for (const t of broken) expect(new FeatureSurvey(new FieldInference()).observe(Buffer.from(t)), t).toBe(false);
  });

  it('agrees with the general path on random features', () => {
    const r = random(7);
    const texts: string[] = [];
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const value = (): unknown =>
      pick<() => unknown>([
        () => Math.floor(r() * 1e6) - 5e5,
        () => r() * 1000,
        () => Number((r() * 100).toFixed(Math.floor(r() * 4))),
        () => `文本${Math.floor(r() * 100)}`,
        () => `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
        () => r() < 0.5,
        () => null,
        () => ({ x: r() }),
      ])();
    for (let i = 0; i < 2000; i++) {
      const props: Record<string, unknown> = {};
      for (const k of ['a', 'b', '面积', 'c', 'd']) if (r() < 0.8) props[k] = value();
      let text = JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [r(), r()] } });
      // Numbers written the way GDAL and others do: 12.0, exponents.
      if (r() < 0.1) text = text.replace(/"a":(-?\d+)([,}])/, '"a":$1.0$2');
      if (r() < 0.05) text = text.replace(/"b":(\d+)([,}])/, '"b":$1e0$2');
      texts.push(text);
    }
    expect(surveyFields(texts).fields).toEqual(generalFields(texts));
  });
});

describe('FeatureDecoder', () => {
  /** Decodes `text` with fields from the general path; null when declined. */
  function decode(text: string, fields = generalFields([text])) {
    const out = newDecodedFeature();
    return new FeatureDecoder(fields).decode(Buffer.from(text), 0, out) ? { out, fields } : null;
  }

  it('gives the values and geometry toFeature gives, or declines', () => {
    let decoded = 0;
    for (const t of EDGE_FEATURES) {
      const got = decode(t);
      if (!got) continue;
      decoded++;
      const f = toFeature(JSON.parse(t), 0, 0);
      const values = Object.fromEntries(got.fields.map((field, i) => [field.key, got.out.values[i]]).filter(([, v]) => v !== undefined));
      expect(values, t).toEqual(f.properties);
      for (const [k, v] of Object.entries(f.properties)) expect(Object.is(values[k], v), `${t}: ${k}`).toBe(true);
      const { bbox: _bbox, ...geometry } = f.geometry as Geometry & { bbox?: unknown };
      expect(geometryOf(got.out.geometry), t).toEqual(geometry);
    }
    expect(decoded).toBeGreaterThan(0);
  });

  it('declines a null geometry, 3D positions, collections, empty or uneven coordinates and odd types', () => {
    for (const t of EDGE_FEATURES.filter((t) => !t.includes('"coordinates"') || /\[1,2,3\]|Collection|\[\]|"x"|\[\[1,2\]\]|\[\[3,4\]\]|"polygon"|"type":"Point","type"/.test(t))) {
      expect(decode(t), t).toBeNull();
    }
  });

  it('reads numbers exactly as JSON.parse does', () => {
    const r = random(11);
    const numbers: string[] = ['0', '-0', '1', '-1', '0.1', '1e22', '1e23', '1e-22', '1e-23', '123456789012345', '1234567890123456', '9007199254740993', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '120.660412', '30.70041200000001', '1E+2', '1e-0'];
    for (let i = 0; i < 3000; i++) {
      const v = (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
      numbers.push(String(v), v.toFixed(Math.floor(r() * 12)), v.toExponential(Math.floor(r() * 17)), v.toPrecision(1 + Math.floor(r() * 20)));
    }
    const fields = [{ key: 'n' }];
    const out = newDecodedFeature();
    const decoder = new FeatureDecoder(fields);
    for (const n of numbers) {
      const text = `{"type":"Feature","properties":{"n":${n}},"geometry":{"type":"Point","coordinates":[${n},${n}]}}`;
      if (!Number.isFinite(JSON.parse(n))) continue;
      expect(decoder.decode(Buffer.from(text), 0, out), n).toBe(true);
      expect(Object.is(out.values[0], JSON.parse(n)), n).toBe(true);
      expect(Object.is(out.geometry.xy[0], JSON.parse(n)), n).toBe(true);
    }
  });
});

describe('flat geometries: check, fit and encoding as for GeoJSON objects', () => {
  const hole = (x: number, y: number, d = 0.0005): Position[] => square(x, y, d).reverse();
  const geometries: Geometry[] = [
    { type: 'Point', coordinates: [120.5, 30.5] },
    { type: 'MultiPoint', coordinates: [[120.5, 30.5], [120.6, 30.6]] },
    { type: 'LineString', coordinates: [[120.5, 30.5], [120.6, 30.6]] },
    { type: 'LineString', coordinates: [[120.5, 30.5], [120.5, 30.5]] },
    { type: 'MultiLineString', coordinates: [[[1, 1], [2, 2]], [[3, 3], [3, 3], [4, 4]]] },
    { type: 'MultiLineString', coordinates: [[[1, 1], [2, 2]], [[3, 3], [3, 3]]] },
    { type: 'Polygon', coordinates: [square(120.7, 30.7)] },
    { type: 'Polygon', coordinates: [square(120.7, 30.7).reverse()] },
    { type: 'Polygon', coordinates: [square(120.7, 30.7), hole(120.7005, 30.7005)] },
    { type: 'Polygon', coordinates: [square(120.7, 30.7), square(120.7005, 30.7005, 0.0005)] },
    { type: 'Polygon', coordinates: [square(120.7, 30.7).slice(0, 4)] },
    { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0], [0, 0]]] },
    { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] },
    { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
    { type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] },
    { type: 'Polygon', coordinates: [square(0, 0, 1), hole(0.5, 0.5, 1)] },
    { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(2, 0, 1)]] },
    { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(0.5, 0, 1)]] },
    { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(1, 0, 1)]] },
    { type: 'MultiPolygon', coordinates: [[square(0, 0, 1), hole(0.2, 0.2, 0.5)], [square(3, 0, 1).reverse()]] },
  ];

  it('passes a geometry exactly when checkGeometry leaves it untouched and says nothing', () => {
    for (const g of geometries) {
      const text = JSON.stringify({ type: 'Feature', properties: {}, geometry: g });
      const out = newDecodedFeature();
      expect(new FeatureDecoder([]).decode(Buffer.from(text), 0, out), text).toBe(true);
      const checked = checkGeometry(g, 0);
      const untouched = checked.valid && checked.problems.length === 0 && checked.geometry === g;
      expect(flatIsClean(out.geometry), text).toBe(untouched);
    }
  });

  it('writes the same WKB and GeoPackage blob, also after fitting to a Multi* layer', () => {
    const encoder = new FlatBlobEncoder();
    const env: Envelope = [0, 0, 0, 0];
    for (const g of geometries) {
      const layers = ['GEOMETRY', g.type.toUpperCase(), 'POLYGON', 'MULTIPOLYGON'];
      if (!g.type.startsWith('Multi')) layers.push(`MULTI${g.type.toUpperCase()}`);
      for (const layer of layers) {
        const text = JSON.stringify({ type: 'Feature', properties: {}, geometry: g });
        const out = newDecodedFeature();
        new FeatureDecoder([]).decode(Buffer.from(text), 0, out);
        const fitted = fitGeometry(g, layer as never);
        expect(fitFlat(out.geometry, layer as never), `${text} into ${layer}`).toBe(fitted !== null);
        if (!fitted) continue;
        expect(geometryOf(out.geometry)).toEqual(fitted);
        expect(Buffer.from(encoder.encode(out.geometry, 4326, flatEnvelope(out.geometry, env)))).toEqual(encodeGeometry(fitted, 4326, envelopeOf(fitted)));
        expect(toWkb(fitted).length + 40).toBe(encodeGeometry(fitted, 4326).length);
      }
    }
  });
});
