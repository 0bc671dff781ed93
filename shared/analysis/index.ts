/**
 * Walking-distance analyses (issue 4): catchments, coverage, blind spots, where to build next. Pure
 * functions over GeoJSON in degrees, measuring in a local plane; they run in a Web Worker or in Node.
 * See README.md beside this file for the methods.
 */
export { PRESETS, presetFor, presetDistance, minutesToMetres, metresToMinutes, WALKING_SPEED, type AnalysisPreset, type PresetId, type DistanceTier } from './presets.ts';
export { filterFacilities, passesFilter, facilityArea, BEFORE_PLAN, AFTER_PLAN_2023, type FacilityFilter } from './facility-filter.ts';
export { catchmentStraight, type StraightCatchmentOptions } from './catchment-straight.ts';
export { buildNetwork, nearestOnNetwork, type WalkNetwork, type NetworkOptions, type NetworkPoint } from './network.ts';
export { catchmentNetwork, reachedNodes, type NetworkCatchmentOptions } from './catchment-network.ts';
export { catchmentPolygons, type CatchmentPolygonOptions } from './catchment-polygons.ts';
export { coverage, type CoverageOptions, type CoverageResult, type CoverageFigures, type AreaCoverage } from './coverage.ts';
export { blindSpots, type BlindSpotOptions, type BlindSpotProperties } from './blind-spots.ts';
export { selectSites, type SiteSelectionOptions, type SiteSelectionResult, type SitePick } from './site-selection.ts';
export { planeFor, type Catchment, type CatchmentPiece, type DistanceOption } from './catchment.ts';
export { createPlane, type Plane } from './geometry/plane.ts';
export { throwIfAborted, type RunControl } from './run-control.ts';
export { runPreset, type PresetInputs, type PresetRunOptions, type PresetRunResult } from './run-preset.ts';
export { topBlindSpots } from './blind-spot-ranks.ts';
export { runAnalysis, type BlindSpotFeatureProperties, type CatchmentFeatureProperties } from './run-analysis.ts';
export { presetForRequest, requestDistance } from './request-preset.ts';
export { candidateSites, CANDIDATE_MODES, type SiteProperties } from './analysis-sites.ts';
export { ANALYSIS_LAYER_NAMES, type AnalysisRequest, type AnalysisInputs, type AnalysisOutcome, type AnalysisFigures, type AnalysisLayers, type AnalysisStage, type AnalysisLayerName } from './request.ts';
