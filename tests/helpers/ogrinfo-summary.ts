import { gdal } from './gdal.ts';

export interface OgrLayerSummary {
  name: string;
  featureCount: number;
  geometry: string;
  fields: string[];
}

/** What `ogrinfo -so -al` (GDAL 3.6's text output) says of each layer of a file; `spatialOnly` leaves out attribute tables. */
export function ogrinfoSummary(file: string, spatialOnly = true): OgrLayerSummary[] {
  const text = gdal('ogrinfo', ['-so', '-al', '-ro', file]);
  return text
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const lines = block.split('\n');
      const geomCol = lines.findIndex((l) => l.startsWith('Geometry Column'));
      const fields = lines
        .slice(geomCol + 1)
        .map((l) => /^(.+): \w+ \(/.exec(l)?.[1])
        .filter((f): f is string => Boolean(f));
      return {
        name: lines[0].trim(),
        featureCount: Number(/Feature Count: (\d+)/.exec(block)?.[1] ?? NaN),
        geometry: /^Geometry: (.+)$/m.exec(block)?.[1] ?? '',
        fields,
      };
    })
    .filter((l) => !spatialOnly || (l.geometry !== '' && l.geometry !== 'None'));
}
