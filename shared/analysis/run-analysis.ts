import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { runSites } from './analysis-sites.ts';
import { catchmentPolygons } from './catchment-polygons.ts';
import { planeFor } from './catchment.ts';
import { filterFacilities } from './facility-filter.ts';
import { buildNetwork } from './network.ts';
import type { AnalysisFigures, AnalysisInputs, AnalysisLayers, AnalysisOutcome, AnalysisRequest, AnalysisStage } from './request.ts';
import { checkInputs, presetForRequest, requestDistance } from './request-preset.ts';
import { throwIfAborted, type RunControl } from './run-control.ts';
import { runPreset, type PresetRunResult } from './run-preset.ts';
import type { BlindSpotFeatureProperties } from './blind-spot-ranks.ts';

export type { BlindSpotFeatureProperties } from './blind-spot-ranks.ts';

/** Properties of a drawn catchment: the plan stage and how many facilities made it. */
export interface CatchmentFeatureProperties {
  plan: AnalysisStage['plan'];
  facilities: number;
}

const STAGE_WEIGHT = 1;
const DRAW_WEIGHT = 0.3;
const SITES_WEIGHT = 1;

/** A RunControl reporting its 0..1 as from..to of the whole run. */
function span(control: RunControl, from: number, to: number): RunControl {
  return { signal: control.signal, onProgress: control.onProgress && ((f) => control.onProgress!(from + Math.min(1, Math.max(0, f)) * (to - from))) };
}

function blindSpotLayer(result: PresetRunResult): FeatureCollection<MultiPolygon, BlindSpotFeatureProperties> {
  const districtOf = new Map(result.coverage.areas.map((a) => [a.index, a.district]));
  return {
    type: 'FeatureCollection',
    features: result.blindSpots.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { ...f.properties, district: districtOf.get(f.properties.index) ?? null },
    })),
  };
}

function catchmentLayer(result: PresetRunResult, control: RunControl): FeatureCollection<MultiPolygon, CatchmentFeatureProperties> {
  const drawn = catchmentPolygons(result.catchment, control);
  return {
    type: 'FeatureCollection',
    features: drawn.features.map((f): Feature<MultiPolygon, CatchmentFeatureProperties> => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { plan: result.plan, facilities: result.facilitiesUsed },
    })),
  };
}

/**
 * One analysis as the panel or the CLI sets it up (`AnalysisRequest`), end to end: the preset with the
 * request's changes (`presetForRequest`), one plan stage or a comparison (before, then after the 2023
 * plan), the drawn catchment(s) and blind spots of the last stage (with district), and, when asked,
 * where to build next among the candidate sites (parcels marked 拆 or 改, judged against what the last
 * stage covers). All stages and the candidates are measured in one plane (or on one network), so the
 * stages compare exactly. Progress runs 0 → 1 across all of it; a cancel throws an AbortError.
 */
export function runAnalysis(inputs: AnalysisInputs, request: AnalysisRequest, control: RunControl = {}): AnalysisOutcome {
  checkInputs(inputs, request);
  const preset = presetForRequest(request);
  throwIfAborted(control.signal);
  const plans = request.plan === 'compare' ? (['before', 'after'] as const) : [request.plan];
  const total = plans.length * (STAGE_WEIGHT + DRAW_WEIGHT) + (request.sites ? SITES_WEIGHT : 0);
  let at = 0;
  const next = (weight: number) => span(control, at / total, (at += weight) / total);

  const network = request.mode === 'walk' ? buildNetwork(inputs.streets!, { signal: control.signal }) : undefined;
  const plane = network?.plane ?? planeFor(inputs.facilities, inputs.targets);
  const shared = { mode: request.mode, streetWidth: request.streetWidth, entranceTolerance: request.entranceTolerance, network, plane };
  const results = plans.map((plan) => runPreset(inputs, preset, { ...shared, plan, ...next(STAGE_WEIGHT) }));
  const drawn = results.map((r) => catchmentLayer(r, next(DRAW_WEIGHT)));
  const last = results[results.length - 1];

  const stages: AnalysisStage[] = results.map((r) => ({ plan: r.plan, facilitiesUsed: r.facilitiesUsed, coverage: r.coverage, blindSpotCount: r.blindSpots.features.length }));
  const figures: AnalysisFigures = { stages, distance: requestDistance(preset, request.mode) };
  const layers: AnalysisLayers = { catchment: drawn[drawn.length - 1], blindSpots: blindSpotLayer(last) };
  if (results.length > 1) layers.catchmentBefore = drawn[0];
  if (request.sites) {
    const targets = filterFacilities(inputs.targets, preset.target.filter);
    const sites = runSites(targets, inputs.candidates!, { preset, mode: request.mode, k: request.sites.k, existing: last.catchment, network, plane, streetWidth: request.streetWidth, entranceTolerance: request.entranceTolerance, ...next(SITES_WEIGHT) });
    figures.sites = sites.figures;
    layers.sites = sites.layer;
  }
  control.onProgress?.(1);
  return { figures, layers };
}
