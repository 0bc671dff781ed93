import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { gpxReader } from '../../../../data/formats/gpx/reader.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** Waypoints, a route and a track of two segments, as a GPS receiver or GDAL (with ogr: extensions) writes them. */
const SURVEY_GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" xmlns:ogr="http://osgeo.org/gdal">
  <wpt lat="30.7498" lon="120.7655"><ele>4.5</ele><time>2023-05-01T08:00:00Z</time><name>南湖</name><desc>湖心岛</desc><sym>Flag</sym>
    <link href="https://example.org/nanhu"><text>介绍</text></link>
    <extensions><ogr:编号>A-01</ogr:编号></extensions></wpt>
  <wpt lat="30.7577" lon="120.7489"><name>子城</name></wpt>
  <rte><name>步行路线</name><rtept lat="30.75" lon="120.74"/><rtept lat="30.76" lon="120.75"/><rtept lat="30.77" lon="120.75"/></rte>
  <trk><name>巡查</name>
    <trkseg><trkpt lat="30.70" lon="120.70"><ele>3</ele></trkpt><trkpt lat="30.71" lon="120.71"><ele>4</ele></trkpt></trkseg>
    <trkseg><trkpt lat="30.72" lon="120.72"/><trkpt lat="30.73" lon="120.73"/></trkseg>
  </trk>
</gpx>`;

async function openError(file: string): Promise<AtlasError> {
  const err = await gpxReader.open([sourceFile(file)], {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AtlasError);
  return err as AtlasError;
}

describe('GPX reader', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('reads the track of a real RunKeeper GPX as GDAL reads it, and makes no layer of the empty kinds', async () => {
    const file = testdataPath('fiona/test_gpx.gpx');
    const layers = await gpxReader.open([sourceFile(file)], {});
    const features = await readAll(layers[0]);
    const ref = gdalRead(file, 'tracks');
    expect(layers.map((l) => l.name)).toEqual(['test_gpx_tracks']);
    expect(layers[0].crs?.id).toBe('EPSG:4326');
    expect(layers[0].fields).toEqual([
      { key: 'name', type: 'TEXT' },
      { key: 'time', type: 'DATETIME' },
    ]);
    expect(features).toHaveLength(ref.features.length);
    expectSameValues(features, ref.features, { name: 'name' });
    expectSameGeometry(features[0].geometry, ref.features[0].geometry, 9);
  });

  it('reads waypoints, routes and tracks as three layers with the values and geometry GDAL reads', async () => {
    const file = path.join(dir, 'survey.gpx');
    fs.writeFileSync(file, SURVEY_GPX);
    const layers = await gpxReader.open([sourceFile(file)], {});
    expect(layers.map((l) => [l.name, l.countHint])).toEqual([
      ['survey_waypoints', 2],
      ['survey_routes', 1],
      ['survey_tracks', 1],
    ]);
    for (const [layer, gdalName] of [[layers[0], 'waypoints'], [layers[1], 'routes'], [layers[2], 'tracks']] as const) {
      const features = await readAll(layer);
      const ref = gdalRead(file, gdalName);
      expectSameValues(features, ref.features, { name: 'name' });
      features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
    }
  });

  it('gives waypoints elevation, time, links and extension fields under GDAL\'s names (ele, link1_href, ogr_…)', async () => {
    const file = path.join(dir, 'survey.gpx');
    fs.writeFileSync(file, SURVEY_GPX);
    const [waypoints] = await gpxReader.open([sourceFile(file)], {});
    const [nanhu, zicheng] = await readAll(waypoints);
    const ref = gdalRead(file, 'waypoints').features[0].properties!;
    expect(nanhu.geometry).toEqual({ type: 'Point', coordinates: [120.7655, 30.7498] });
    expect(nanhu.properties).toMatchObject({ name: '南湖', desc: '湖心岛', sym: 'Flag', ele: 4.5, time: '2023-05-01T08:00:00Z', link1_href: 'https://example.org/nanhu', link1_text: '介绍', ogr_编号: 'A-01' });
    expect(ref).toMatchObject({ name: '南湖', desc: '湖心岛', sym: 'Flag', ele: 4.5, link1_href: 'https://example.org/nanhu', link1_text: '介绍', ogr_编号: 'A-01' });
    expect(zicheng.properties).toMatchObject({ name: '子城', ele: null, ogr_编号: null });
    expect(waypoints.fields.find((f) => f.key === 'ele')?.type).toBe('REAL');
  });

  it('refuses broken XML with the line, and XML that is not GPX', async () => {
    const broken = path.join(dir, 'broken.gpx');
    const other = path.join(dir, 'other.gpx');
    fs.writeFileSync(broken, '<gpx>\n<wpt lat="1" lon="2">\n</gpx>');
    fs.writeFileSync(other, '<kml></kml>');
    const a = await openError(broken);
    const b = await openError(other);
    expect(a.code).toBe('invalid_file');
    expect(a.message).toMatch(/^broken\.gpx is not well-formed XML at line 2: /);
    expect(b.message).toBe('other.gpx is not a GPX file (its root element is <kml>)');
  });
});
