import { AtlasError } from '../../shared/api/errors.ts';
import { checkCoordinates, guessCrsCandidates } from '../../shared/crs/plausibility.ts';
import { resolveCrs, resolveUserCrs } from '../crs/index.ts';
import type { CrsDef, XY } from '../../shared/crs/types.ts';
import type { SourceLayer } from '../formats/types.ts';

export interface CrsChoice {
  /** The CRS the coordinates are read in; null when unknown and not guessable. */
  crs: CrsDef | null;
  candidates: { id: string; name: string }[];
}

/**
 * The CRS to read a layer in: the user's choice (any EPSG code, WKT or proj4; one that cannot be used
 * is an 'invalid_argument' naming it, with params.option 'crs'), else what the file declares; for data that says
 * nothing, the candidates from the coordinates (WGS84 first for lon/lat in China, to be confirmed
 * on the map against GCJ-02 / BD-09).
 */
export function chooseCrs(layer: SourceLayer, userCrs: string | undefined, sample: XY[]): CrsChoice {
  const candidates = layer.crs && !userCrs ? [] : guessCrsCandidates(sample);
  if (userCrs) return { crs: resolveUserCrs(userCrs), candidates };
  if (layer.crs) return { crs: layer.crs, candidates };
  const first = candidates[0];
  return { crs: first && first.id === 'EPSG:4326' ? resolveCrs(first.id) : null, candidates };
}

/**
 * Throws bad_coordinates, naming the layer, when the sample cannot be right in the chosen CRS
 * (projected numbers read as degrees, or outside the CRS's zone). Data that lands outside China is
 * possible (other cities' open data), so that only returns a warning for the preview's notes.
 */
export function assertPlausible(layerName: string, sample: XY[], crs: CrsDef | null): string | null {
  if (!crs || sample.length === 0) return null;
  const verdict = checkCoordinates(sample, crs);
  if (verdict.ok) return null;
  if (verdict.problem === 'in_ocean') return `${layerName}: ${verdict.message}`;
  throw new AtlasError('bad_coordinates', `${layerName}: ${verdict.message}`, { layer: layerName, crs: crs.id, problem: verdict.problem ?? '' });
}

/** First coordinates of some features, for guessing and checking the CRS. */
export function sampleCoordinates(geometries: Iterable<GeoJSON.Geometry | null>, max = 200): XY[] {
  const out: XY[] = [];
  const visit = (c: unknown): void => {
    if (out.length >= max || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      if (Number.isFinite(c[0]) && Number.isFinite(c[1])) out.push([c[0], c[1] as number]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const g of geometries) {
    if (!g) continue;
    if (g.type === 'GeometryCollection') for (const part of g.geometries) visit((part as { coordinates?: unknown }).coordinates);
    else visit(g.coordinates);
    if (out.length >= max) break;
  }
  return out;
}
