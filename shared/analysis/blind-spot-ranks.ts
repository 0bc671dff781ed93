import type { FeatureCollection } from 'geojson';

/** Properties of a blind spot on the map and in exports. */
export interface BlindSpotFeatureProperties {
  rank: number;
  /** Index of the residential area in the target layer. */
  index: number;
  name: string | null;
  district: string | null;
  /** Uncovered area (m²) and its share of the residential area. */
  area: number;
  uncoveredFraction: number;
  population: number | null;
  /** Residents affected: population × uncovered fraction. */
  affected: number | null;
}

/** The first `n` blind spots of a run's layer in rank order (most residents affected first). */
export function topBlindSpots(layer: FeatureCollection | undefined, n: number): BlindSpotFeatureProperties[] {
  return (layer?.features ?? [])
    .map((f) => f.properties as BlindSpotFeatureProperties | null)
    .filter((p): p is BlindSpotFeatureProperties => !!p && typeof p.rank === 'number')
    .sort((a, b) => a.rank - b.rank)
    .slice(0, n);
}
