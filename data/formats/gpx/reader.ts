import fs from 'node:fs';
import path from 'node:path';
import { gpxGen } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import type { FormatReader, RawFeature, SourceFile, SourceLayer } from '../types.ts';
import { collectFields, fillMissing, replayFeatures, toRawFeature } from '../kml/togeojson-features.ts';
import { decodeXml, parseXml } from '../kml/xml-document.ts';

type Kind = 'waypoints' | 'routes' | 'tracks';
const KINDS: Kind[] = ['waypoints', 'routes', 'tracks'];

function kindOf(f: Feature): Kind {
  const t = (f.properties as { _gpxType?: string } | null)?._gpxType;
  return t === 'trk' ? 'tracks' : t === 'rte' ? 'routes' : 'waypoints';
}

/** GDAL's names for what togeojson nests or drops: link1_href…, a waypoint's ele. Extension fields keep their prefix (ogr_…), as in GDAL. */
function gdalStyleProperties(f: Feature<Geometry>, raw: RawFeature): void {
  const props = raw.properties;
  const links = (f.properties as { links?: { href?: string; text?: string; type?: string }[] } | null)?.links;
  if (links) {
    delete props.links;
    links.forEach((l, i) => {
      props[`link${i + 1}_href`] = l.href ?? null;
      props[`link${i + 1}_text`] = l.text ?? null;
      props[`link${i + 1}_type`] = l.type ?? null;
    });
  }
  if (f.geometry.type === 'Point' && f.geometry.coordinates.length > 2) props.ele = f.geometry.coordinates[2];
}

function openFile(file: SourceFile): SourceLayer[] {
  const bytes = fs.readFileSync(file.path);
  const { doc, warnings } = parseXml(decodeXml(bytes), file.name);
  if (doc.documentElement!.localName !== 'gpx') {
    throw new AtlasError('invalid_file', `${file.name} is not a GPX file (its root element is <${doc.documentElement!.nodeName}>)`, { file: file.name });
  }
  const byKind: Record<Kind, RawFeature[]> = { waypoints: [], routes: [], tracks: [] };
  for (const f of gpxGen(doc)) {
    const list = byKind[kindOf(f)];
    const raw = toRawFeature(f, list.length);
    gdalStyleProperties(f as Feature<Geometry>, raw);
    list.push(raw);
  }
  const crs = resolveCrs('EPSG:4326');
  const stem = path.parse(file.name).name;
  return KINDS.filter((k) => byKind[k].length > 0).map((k) => {
    const features = byKind[k];
    const fields = collectFields(features);
    fillMissing(features, fields);
    return {
      name: `${stem}_${k}`,
      crs,
      fields,
      notes: warnings.slice(0, 3).map((w) => `XML problem that was read past: ${w}`),
      countHint: features.length,
      sizeBytes: bytes.byteLength,
      features: (signal?: AbortSignal) => replayFeatures(features, signal),
    };
  });
}

/** GPX (GPS receivers, tracking apps): waypoints, routes and tracks as up to three layers, WGS84. */
export const gpxReader: FormatReader = {
  id: 'gpx',
  name: { zh: 'GPX（GPS 轨迹）', en: 'GPX (GPS tracks)' },
  extensions: ['.gpx'],
  claim(files) {
    const mine = files.filter((f) => path.extname(f.name).toLowerCase() === '.gpx');
    return mine.length ? mine : null;
  },
  async open(files, opts) {
    const layers: SourceLayer[] = [];
    for (const f of files) {
      if (opts.signal?.aborted) throw new AtlasError('cancelled', 'Reading was cancelled', {});
      layers.push(...openFile(f));
    }
    return layers;
  },
};
