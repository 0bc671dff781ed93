import type { FeatureCollection } from 'geojson';
import { blindSpots } from './blind-spots.ts';
import { catchmentNetwork } from './catchment-network.ts';
import { catchmentStraight } from './catchment-straight.ts';
import type { Catchment } from './catchment.ts';
import { coverage, type CoverageResult } from './coverage.ts';
import { AFTER_PLAN_2023, BEFORE_PLAN, filterFacilities, type FacilityFilter } from './facility-filter.ts';
import type { Plane } from './geometry/plane.ts';
import { buildNetwork, type WalkNetwork } from './network.ts';
import { presetDistance, type AnalysisPreset } from './presets.ts';
import type { RunControl } from './run-control.ts';

/** The layers one analysis reads, as GeoJSON in WGS84. */
export interface PresetInputs {
  facilities: FeatureCollection;
  /** Residential areas (or, for the parking preset, the facilities layer with schools and hospitals). */
  targets: FeatureCollection;
  /** Street network, needed for walking mode. */
  streets?: FeatureCollection;
  districts?: FeatureCollection;
}

export interface PresetRunOptions extends RunControl {
  mode: 'straight' | 'walk';
  /** Which facilities count: as they are now, after the 2023 plan's works, or all of them. */
  plan: 'before' | 'after' | 'all';
  /** Street-side width of a walking catchment (m); default catchmentNetwork's 50. */
  streetWidth?: number;
  /** Entrance tolerance of a walking catchment (m); default catchmentNetwork's 25. */
  entranceTolerance?: number;
  /** A network built once for several runs (else built from `inputs.streets`). */
  network?: WalkNetwork;
  /** The plane of a straight-line catchment (else one centred on the facilities used). */
  plane?: Plane;
}

export interface PresetRunResult {
  preset: AnalysisPreset['id'];
  mode: PresetRunOptions['mode'];
  plan: PresetRunOptions['plan'];
  facilitiesUsed: number;
  coverage: CoverageResult;
  /** Uncovered residential land, largest number of residents affected first. */
  blindSpots: ReturnType<typeof blindSpots>;
  /** The catchment itself (to draw it, or as what exists for site selection). */
  catchment: Catchment;
}

const PLAN_FILTERS: Record<PresetRunOptions['plan'], FacilityFilter> = { before: BEFORE_PLAN, after: AFTER_PLAN_2023, all: {} };

/**
 * One preset run end to end: filter the facilities (preset + plan stage), their catchment (straight or
 * along the streets), coverage of the targets, and the blind spots. What the CLI and the UI worker call.
 */
export function runPreset(inputs: PresetInputs, preset: AnalysisPreset, options: PresetRunOptions): PresetRunResult {
  const stage = (fraction: number, span: number) => (f: number) => options.onProgress?.(fraction + f * span);
  const facilities = filterFacilities(filterFacilities(inputs.facilities, preset.filter), PLAN_FILTERS[options.plan]);
  const targets = filterFacilities(inputs.targets, preset.target.filter);
  const distance = presetDistance(preset, options.mode);
  let catchment: Catchment;
  if (options.mode === 'walk') {
    let network = options.network;
    if (!network) {
      if (!inputs.streets || inputs.streets.features.length === 0) throw new Error('runPreset: walking mode needs a street network layer');
      network = buildNetwork(inputs.streets);
    }
    catchment = catchmentNetwork(facilities, network, { distance, width: options.streetWidth, entranceTolerance: options.entranceTolerance, signal: options.signal, onProgress: stage(0, 0.5) });
  } else {
    catchment = catchmentStraight(facilities, { distance, plane: options.plane, signal: options.signal, onProgress: stage(0, 0.5) });
  }
  const result = coverage(targets, catchment, {
    districts: inputs.districts,
    threshold: preset.threshold,
    oldDistrictThreshold: preset.oldDistrictThreshold,
    signal: options.signal,
    onProgress: stage(0.5, 0.3),
  });
  const spots = preset.target.kind === 'residential_area' ? blindSpots(targets, catchment, { signal: options.signal, onProgress: stage(0.8, 0.2) }) : { type: 'FeatureCollection' as const, features: [] };
  options.onProgress?.(1);
  return { preset: preset.id, mode: options.mode, plan: options.plan, facilitiesUsed: facilities.features.length, coverage: result, blindSpots: spots, catchment };
}
