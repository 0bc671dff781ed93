import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import type { FormatReader, SourceFile, SourceLayer } from '../types.ts';
import { kmlLayers } from './kml-layers.ts';
import { replayFeatures } from './togeojson-features.ts';
import { readKmlBytes } from './kml-source.ts';
import { decodeXml, parseXml } from './xml-document.ts';

const EXTENSIONS = ['.kml', '.kmz'];

function cancelled(): AtlasError {
  return new AtlasError('cancelled', 'Reading was cancelled', {});
}

async function openFile(file: SourceFile, signal?: AbortSignal): Promise<SourceLayer[]> {
  const { bytes, entry } = readKmlBytes(file);
  if (signal?.aborted) throw cancelled();
  const { doc, warnings } = parseXml(decodeXml(bytes), entry ? `${file.name} (${entry})` : file.name);
  const root = doc.documentElement!;
  if (root.localName !== 'kml' && root.getElementsByTagName('Placemark').length === 0) {
    throw new AtlasError('invalid_file', `${file.name} is not a KML document (its root element is <${root.nodeName}>)`, { file: file.name });
  }
  const crs = resolveCrs('EPSG:4326');
  const size = bytes.byteLength;
  const found = kmlLayers(doc, path.parse(file.name).name).filter((l) => l.features.length > 0);
  return found.map((layer) => {
    const notes = warnings.slice(0, 3).map((w) => `XML problem that was read past: ${w}`);
    if (layer.skipped > 0) notes.push(`${layer.skipped} ground overlay(s) / network link(s) are not vector features and were left out`);
    return {
      name: layer.name,
      crs,
      fields: layer.fields,
      notes,
      countHint: layer.features.length,
      sizeBytes: size,
      features: (signal?: AbortSignal) => replayFeatures(layer.features, signal),
    };
  });
}

/** KML and KMZ (Google Earth): placemarks with name, description and ExtendedData, one layer per top-level folder, WGS84. */
export const kmlReader: FormatReader = {
  id: 'kml',
  name: { zh: 'KML / KMZ（谷歌地球）', en: 'KML / KMZ (Google Earth)' },
  extensions: EXTENSIONS,
  claim(files) {
    const mine = files.filter((f) => EXTENSIONS.includes(path.extname(f.name).toLowerCase()));
    return mine.length ? mine : null;
  },
  async open(files, opts) {
    const layers: SourceLayer[] = [];
    for (const f of files) layers.push(...(await openFile(f, opts.signal)));
    return layers;
  },
};
