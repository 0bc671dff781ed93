import { AtlasError } from '../api/errors.ts';
import { presetDistance, presetFor, PRESETS, type AnalysisPreset } from './presets.ts';
import type { AnalysisInputs, AnalysisRequest } from './request.ts';

function bad(message: string, params: Record<string, string | number> = {}): AtlasError {
  return new AtlasError('invalid_argument', message, params);
}

/**
 * The preset a request asks for, with the planner's changes applied:
 * - `distance` replaces the straight and walking distance and drops the preset's size tiers;
 * - `minArea` replaces the smallest facility area (0: no area criterion); with size tiers, the smallest
 *   tier is stretched down to it, so the smaller facilities now counted get the smallest tier's reach;
 * - `types` replaces the type values kept ([]: every type).
 */
export function presetForRequest(request: AnalysisRequest): AnalysisPreset {
  if (!request || !(request.preset in PRESETS)) {
    throw bad(`Unknown analysis preset "${String(request?.preset)}" (known: ${Object.keys(PRESETS).join(', ')})`, { preset: String(request?.preset) });
  }
  const preset = presetFor(request.preset);
  if (request.distance !== undefined) {
    if (!(typeof request.distance === 'number' && request.distance > 0 && Number.isFinite(request.distance))) {
      throw bad(`The analysis distance must be a number of metres > 0, got ${String(request.distance)}`);
    }
    preset.straight = request.distance;
    preset.walking = request.distance;
    delete preset.tiers;
  }
  if (request.minArea !== undefined) {
    if (!(typeof request.minArea === 'number' && request.minArea >= 0 && Number.isFinite(request.minArea))) {
      throw bad(`The smallest facility area must be a number of m² ≥ 0, got ${String(request.minArea)}`);
    }
    if (request.minArea > 0) preset.filter.minArea = request.minArea;
    else delete preset.filter.minArea;
    if (preset.tiers) {
      const lowest = preset.tiers.reduce((a, b) => (b.minArea < a.minArea ? b : a));
      lowest.minArea = Math.min(lowest.minArea, request.minArea);
    }
  }
  if (request.types !== undefined) {
    if (!Array.isArray(request.types)) throw bad('The facility types to keep must be a list of values');
    if (request.types.length > 0) preset.filter.types = [...request.types];
    else delete preset.filter.types;
  }
  return preset;
}

/** The single reach of a preset in a mode (m), or null when it goes by facility size. */
export function requestDistance(preset: AnalysisPreset, mode: AnalysisRequest['mode']): number | null {
  const d = presetDistance(preset, mode);
  return typeof d === 'number' ? d : null;
}

/** Checks that the inputs hold what the request needs, naming what is missing. */
export function checkInputs(inputs: AnalysisInputs, request: AnalysisRequest): void {
  const isCollection = (v: unknown) => !!v && (v as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((v as { features?: unknown }).features);
  if (!isCollection(inputs?.facilities)) throw bad(`The facilities layer "${request.layers?.facilities}" is not a GeoJSON FeatureCollection`, { layer: request.layers?.facilities ?? '' });
  if (!isCollection(inputs.targets)) throw bad(`The target layer "${request.layers?.targets}" is not a GeoJSON FeatureCollection`, { layer: request.layers?.targets ?? '' });
  if (!['straight', 'walk'].includes(request.mode)) throw bad(`The analysis mode must be straight or walk, got "${String(request.mode)}"`);
  if (!['before', 'after', 'all', 'compare'].includes(request.plan)) throw bad(`The plan stage must be before, after, all or compare, got "${String(request.plan)}"`);
  if (request.mode === 'walk' && !(isCollection(inputs.streets) && inputs.streets!.features.length > 0)) {
    throw bad('A walking analysis needs a street network layer with at least one street', { layer: request.layers?.streets ?? '' });
  }
  if (inputs.districts !== undefined && !isCollection(inputs.districts)) throw bad(`The district layer "${request.layers?.districts}" is not a GeoJSON FeatureCollection`);
  if (request.streetWidth !== undefined && !(typeof request.streetWidth === 'number' && request.streetWidth > 0)) {
    throw bad(`The street-side width must be a number of metres > 0, got ${String(request.streetWidth)}`);
  }
  if (request.entranceTolerance !== undefined && !(typeof request.entranceTolerance === 'number' && request.entranceTolerance >= 0)) {
    throw bad(`The entrance tolerance must be a number of metres ≥ 0, got ${String(request.entranceTolerance)}`);
  }
  if (request.sites) {
    if (!isCollection(inputs.candidates)) throw bad(`Choosing sites needs the candidate layer "${request.sites.candidates}"`, { layer: request.sites.candidates });
    if (!Number.isInteger(request.sites.k) || request.sites.k < 1) throw bad(`The number of sites to choose must be a whole number ≥ 1, got ${String(request.sites.k)}`);
  }
}
