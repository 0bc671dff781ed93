import type { Feature, FeatureCollection, Point } from 'geojson';
import { area as turfArea, pointOnFeature } from '@turf/turf';
import { catchmentNetwork } from './catchment-network.ts';
import { catchmentStraight } from './catchment-straight.ts';
import type { Catchment, DistanceOption } from './catchment.ts';
import { filterFacilities } from './facility-filter.ts';
import type { Plane } from './geometry/plane.ts';
import type { WalkNetwork } from './network.ts';
import type { AnalysisPreset } from './presets.ts';
import type { AnalysisFigures } from './request.ts';
import type { RunControl } from './run-control.ts';
import { selectSites } from './site-selection.ts';

/** The renewal modes whose parcels can take a new facility (rebuilt or renovated). */
export const CANDIDATE_MODES = ['拆', '改'] as const;
const MODE_FIELD = '更新方式';
/** Fields that name a candidate, in the order they are looked for. */
const NAME_FIELDS = ['名称', '地块名称', '项目名称', '小区', 'name', 'Name', 'NAME', '地块编号', '编号'];

export interface SiteProperties {
  rank: number;
  /** Index of the candidate in the candidate layer as given. */
  candidate: number;
  name: string | null;
  gainArea: number;
  gainPopulation: number | null;
  shareAfter: number;
}

/** Candidates of a layer: parcels marked 拆 or 改 when the layer has 更新方式, else all of them. */
export function candidateSites(candidates: FeatureCollection): FeatureCollection & { indexes: number[] } {
  const hasMode = candidates.features.some((f) => {
    const v = f.properties?.[MODE_FIELD];
    return v !== undefined && v !== null && v !== '';
  });
  return filterFacilities(candidates, hasMode ? { types: CANDIDATE_MODES, typeField: MODE_FIELD } : {});
}

/** A candidate's name from its first name-like field, else null. */
function nameField(candidates: FeatureCollection): string | null {
  return NAME_FIELDS.find((k) => candidates.features.some((f) => f.properties?.[k] !== undefined && f.properties?.[k] !== null && f.properties?.[k] !== '')) ?? null;
}

/**
 * A candidate's reach: the preset's one distance, or with size tiers the tier of the site's measured
 * area (a parcel's 面积 field is in hectares, so it is not read); a site without an area gets the mode's
 * base distance.
 */
function candidateDistance(preset: AnalysisPreset, mode: 'straight' | 'walk'): DistanceOption {
  const base = mode === 'walk' ? preset.walking : preset.straight;
  const tiers = preset.tiers;
  if (!tiers) return base;
  return (f: Feature) => {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') return base;
    const a = turfArea(f);
    return tiers.find((x) => a >= x.minArea && (x.maxArea === undefined || a < x.maxArea))?.distance ?? null;
  };
}

export interface SiteRunOptions extends RunControl {
  preset: AnalysisPreset;
  mode: 'straight' | 'walk';
  k: number;
  /** What the last stage covers already. */
  existing: Catchment;
  network?: WalkNetwork;
  plane: Plane;
  streetWidth?: number;
  entranceTolerance?: number;
}

/** Where to build next: the k candidates adding the most, with their figures and a point layer. */
export function runSites(targets: FeatureCollection, candidatesIn: FeatureCollection, o: SiteRunOptions): { figures: NonNullable<AnalysisFigures['sites']>; layer: FeatureCollection<Point, SiteProperties> } {
  const sub = (from: number, to: number): RunControl => ({ signal: o.signal, onProgress: o.onProgress && ((f) => o.onProgress!(from + f * (to - from))) });
  const candidates = candidateSites(candidatesIn);
  const distance = candidateDistance(o.preset, o.mode);
  const catchment = o.mode === 'walk'
    ? catchmentNetwork(candidates, o.network!, { distance, width: o.streetWidth, entranceTolerance: o.entranceTolerance, perFacility: true, ...sub(0, 0.3) })
    : catchmentStraight(candidates, { distance, plane: o.plane, ...sub(0, 0.3) });
  const result = selectSites(targets, catchment, { k: o.k, existing: o.existing, ...sub(0.3, 1) });
  const field = nameField(candidatesIn);
  const picks = result.picks.map((p) => ({ ...p, candidate: candidates.indexes[p.candidate] }));
  const candidateNames = picks.map((p) => {
    const v = field ? candidatesIn.features[p.candidate].properties?.[field] : undefined;
    return v === undefined || v === null || v === '' ? null : String(v);
  });
  const features: Feature<Point, SiteProperties>[] = picks.map((p, i) => ({
    type: 'Feature',
    geometry: pointOnFeature(candidatesIn.features[p.candidate]).geometry,
    properties: { rank: i + 1, candidate: p.candidate, name: candidateNames[i], gainArea: p.gainArea, gainPopulation: p.gainPopulation, shareAfter: p.shareAfter },
  }));
  return { figures: { ...result, picks, candidateNames }, layer: { type: 'FeatureCollection', features } };
}
