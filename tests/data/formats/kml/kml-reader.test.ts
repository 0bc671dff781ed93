import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../../shared/api/errors.ts';
import { kmlReader } from '../../../../data/formats/kml/reader.ts';
import { gdal } from '../../../helpers/gdal.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { expectSameGeometry, expectSameValues, gdalRead, readAll, sourceFile, testdataPath } from '../../../helpers/gdal-reference.ts';

/** A KML with two top-level folders (one nested deeper), a loose placemark, Data and typed SchemaData. */
const FOLDERS_KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document><name>嘉兴</name>
  <Style id="s"><LineStyle><color>ff0000ff</color></LineStyle></Style>
  <Schema name="parcel" id="parcel">
    <SimpleField name="面积" type="double"/><SimpleField name="层数" type="int"/><SimpleField name="保留" type="bool"/>
  </Schema>
  <Placemark><name>南湖</name><Point><coordinates>120.7655,30.7498,0</coordinates></Point></Placemark>
  <Folder><name>更新地块</name>
    <Placemark><name>月河</name><description>历史街区</description><styleUrl>#s</styleUrl>
      <ExtendedData><SchemaData schemaUrl="#parcel">
        <SimpleData name="面积">12.5</SimpleData><SimpleData name="层数">3</SimpleData><SimpleData name="保留">0</SimpleData>
      </SchemaData></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>120.75,30.76,0 120.76,30.76,0 120.76,30.77,0 120.75,30.76,0</coordinates></LinearRing></outerBoundaryIs>
        <innerBoundaryIs><LinearRing><coordinates>120.752,30.761 120.754,30.761 120.754,30.763 120.752,30.761</coordinates></LinearRing></innerBoundaryIs></Polygon>
    </Placemark>
    <Folder><name>子文件夹</name>
      <Placemark><name>子城</name>
        <ExtendedData><SchemaData schemaUrl="#parcel"><SimpleData name="层数">2</SimpleData><SimpleData name="保留">1</SimpleData></SchemaData></ExtendedData>
        <MultiGeometry>
          <Polygon><outerBoundaryIs><LinearRing><coordinates>120.74,30.75 120.745,30.75 120.745,30.755 120.74,30.75</coordinates></LinearRing></outerBoundaryIs></Polygon>
          <Polygon><outerBoundaryIs><LinearRing><coordinates>120.8,30.8 120.81,30.8 120.81,30.81 120.8,30.8</coordinates></LinearRing></outerBoundaryIs></Polygon>
        </MultiGeometry>
      </Placemark>
    </Folder>
  </Folder>
  <Folder><name>绿道</name>
    <Placemark><name>环城河绿道</name><ExtendedData><Data name="长度"><value>2.4</value></Data></ExtendedData>
      <MultiGeometry><LineString><coordinates>120.74,30.74 120.75,30.75</coordinates></LineString><Point><coordinates>120.74,30.74</coordinates></Point></MultiGeometry>
    </Placemark>
  </Folder>
  <Folder><name>空文件夹</name></Folder>
</Document>
</kml>`;

async function openError(file: string): Promise<AtlasError> {
  const err = await kmlReader.open([sourceFile(file)], {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AtlasError);
  return err as AtlasError;
}

describe('KML / KMZ reader', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('reads a KML that ogr2ogr wrote: count, fields, values and points as GDAL reads them, in WGS84', async () => {
    const file = path.join(dir, 'parks.kml');
    gdal('ogr2ogr', ['-f', 'KML', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    const layers = await kmlReader.open([sourceFile(file)], {});
    const features = await readAll(layers[0]);
    const ref = gdalRead(file, 'parks');
    expect(layers.map((l) => l.name)).toEqual(['parks']);
    expect(layers[0].crs?.id).toBe('EPSG:4326');
    expect(layers[0].fields.map((f) => f.key)).toEqual(['name', 'type', 'address', 'city', 'zipcode']);
    expect(features).toHaveLength(190);
    expectSameValues(features, ref.features, { name: 'Name', type: 'type', address: 'address', city: 'city', zipcode: 'zipcode' });
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
  });

  it('reads polygons and multipolygons of a KML that ogr2ogr wrote with the geometry GDAL reads', async () => {
    const file = path.join(dir, 'districts.kml');
    gdal('ogr2ogr', ['-f', 'KML', file, testdataPath('mecklenburg-opendata/historic_districts.geojson')]);
    const [layer] = await kmlReader.open([sourceFile(file)], {});
    const features = await readAll(layer);
    const ref = gdalRead(file);
    expect(features).toHaveLength(6);
    features.forEach((f, i) => expectSameGeometry(f.geometry, ref.features[i].geometry, 9));
  });

  it('gives one layer per layer of a LIBKML file (nested Documents), named as GDAL names them', async () => {
    const file = path.join(dir, 'two.kml');
    gdal('ogr2ogr', ['-f', 'LIBKML', file, testdataPath('mecklenburg-opendata/parks.geojson')]);
    gdal('ogr2ogr', ['-f', 'LIBKML', '-update', file, testdataPath('mecklenburg-opendata/libraries.geojson')]);
    const layers = await kmlReader.open([sourceFile(file)], {});
    expect(layers.map((l) => [l.name, l.countHint])).toEqual([
      ['parks', gdalRead(file, 'parks').features.length],
      ['libraries', gdalRead(file, 'libraries').features.length],
    ]);
    expect(layers[1].countHint).toBe(24);
  });

  it('makes a layer of each top-level folder with placemarks and one of the loose placemarks, nested folders included', async () => {
    const file = path.join(dir, 'jiaxing.kml');
    fs.writeFileSync(file, FOLDERS_KML);
    const layers = await kmlReader.open([sourceFile(file)], {});
    expect(layers.map((l) => [l.name, l.countHint])).toEqual([
      ['jiaxing', 1],
      ['更新地块', 2],
      ['绿道', 1],
    ]);
  });

  it('reads name, description, typed SchemaData and Data, and leaves styles out', async () => {
    const file = path.join(dir, 'jiaxing.kml');
    fs.writeFileSync(file, FOLDERS_KML);
    const layers = await kmlReader.open([sourceFile(file)], {});
    const parcels = await readAll(layers[1]);
    const greenway = await readAll(layers[2]);
    expect(layers[1].fields).toEqual([
      { key: 'name', type: 'TEXT' },
      { key: 'description', type: 'TEXT' },
      { key: '面积', type: 'REAL' },
      { key: '层数', type: 'INTEGER' },
      { key: '保留', type: 'BOOLEAN' },
    ]);
    expect(parcels.map((f) => f.properties)).toEqual([
      { name: '月河', description: '历史街区', 面积: 12.5, 层数: 3, 保留: false },
      { name: '子城', description: null, 面积: null, 层数: 2, 保留: true },
    ]);
    expect(greenway[0].properties).toEqual({ name: '环城河绿道', 长度: '2.4' });
  });

  it('reads polygons with holes, MultiGeometry of one kind as Multi*, mixed as a collection, altitudes dropped', async () => {
    const file = path.join(dir, 'jiaxing.kml');
    fs.writeFileSync(file, FOLDERS_KML);
    const layers = await kmlReader.open([sourceFile(file)], {});
    const [loose] = await readAll(layers[0]);
    const [yuehe, zicheng] = await readAll(layers[1]);
    const [greenway] = await readAll(layers[2]);
    expect(loose.geometry).toEqual({ type: 'Point', coordinates: [120.7655, 30.7498] });
    expect(yuehe.geometry?.type).toBe('Polygon');
    expect((yuehe.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(zicheng.geometry?.type).toBe('MultiPolygon');
    expect(greenway.geometry?.type).toBe('GeometryCollection');
  });

  it('reads a KMZ: doc.kml, or else the first .kml in the archive', async () => {
    const kml = strToU8(FOLDERS_KML);
    const withDoc = path.join(dir, 'a.kmz');
    const withOther = path.join(dir, 'b.kmz');
    fs.writeFileSync(withDoc, zipSync({ 'files/icon.png': new Uint8Array([1, 2]), 'doc.kml': kml }));
    fs.writeFileSync(withOther, zipSync({ 'files/icon.png': new Uint8Array([1, 2]), '嘉兴.kml': kml, 'z.kml': strToU8('<kml/>') }));
    const a = await kmlReader.open([sourceFile(withDoc)], {});
    const b = await kmlReader.open([sourceFile(withOther)], {});
    expect(a.map((l) => l.name)).toEqual(['a', '更新地块', '绿道']);
    expect(b.map((l) => l.countHint)).toEqual([1, 2, 1]);
  });

  it('refuses a KMZ without a .kml, naming the file', async () => {
    const file = path.join(dir, 'empty.kmz');
    fs.writeFileSync(file, zipSync({ 'files/icon.png': new Uint8Array([1, 2]) }));
    const err = await openError(file);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toBe('empty.kmz contains no .kml file');
  });

  it('refuses a .kmz that is not a zip', async () => {
    const file = path.join(dir, 'fake.kmz');
    fs.writeFileSync(file, FOLDERS_KML);
    expect((await openError(file)).message).toMatch(/fake\.kmz is not a KMZ/);
  });

  it('refuses broken XML with the line the parser gives (here: where the unclosed element opened)', async () => {
    const file = path.join(dir, 'broken.kml');
    fs.writeFileSync(file, '<?xml version="1.0"?>\n<kml>\n<Document>\n<Placemark><name>x</name>\n</Document>\n</kml>\n');
    const err = await openError(file);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toBe('broken.kml is not well-formed XML at line 4: Opening and ending tag mismatch: "Placemark" != "Document"');
    expect(err.params).toMatchObject({ file: 'broken.kml', line: 4 });
  });

  it('refuses an XML file that is not KML', async () => {
    const file = path.join(dir, 'other.kml');
    fs.writeFileSync(file, '<html><body>hello</body></html>');
    expect((await openError(file)).message).toBe('other.kml is not a KML document (its root element is <html>)');
  });
});
