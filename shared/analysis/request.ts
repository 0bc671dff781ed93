import type { FeatureCollection } from 'geojson';
import type { CoverageResult } from './coverage.ts';
import type { PresetId } from './presets.ts';
import type { SiteSelectionResult } from './site-selection.ts';

/**
 * One analysis as the planner sets it up in the analysis panel or on the CLI: a preset and what was
 * changed in it, the mode, which plan stage(s), and the project layers it reads. Stored with each
 * saved run, so a run can be re-run after the data changed.
 */
export interface AnalysisRequest {
  preset: PresetId;
  mode: 'straight' | 'walk';
  /** 'compare' runs before and after the 2023 plan side by side. */
  plan: 'before' | 'after' | 'all' | 'compare';
  /** Reach in metres for the chosen mode; replaces the preset's distance (and its tiers) when set. */
  distance?: number;
  /** Facility filter changes: smallest facility area (m²) and the type values to keep. */
  minArea?: number;
  types?: string[];
  /** Street-side width of walking catchments (m). */
  streetWidth?: number;
  /** Walking: how far from a park's boundary a street may run and still enter it (m); default 25. */
  entranceTolerance?: number;
  /** Project layer ids read by the run. */
  layers: {
    facilities: string;
    targets: string;
    streets?: string;
    districts?: string;
  };
  /** Where to build next: choose k of the candidate layer's features (parcels marked 拆/改 by default). */
  sites?: { candidates: string; k: number };
}

/** One stage's figures: which facilities counted and the coverage they give. */
export interface AnalysisStage {
  plan: 'before' | 'after' | 'all';
  facilitiesUsed: number;
  coverage: CoverageResult;
  blindSpotCount: number;
}

/** What a run found, without its map layers. */
export interface AnalysisFigures {
  /** One stage, or two ('before' then 'after') for a comparison. */
  stages: AnalysisStage[];
  /** The reach used (m), or null when it goes by facility size (tiers). */
  distance: number | null;
  sites?: SiteSelectionResult & { candidateNames: (string | null)[] };
}

/** The map layers of a run, GeoJSON in WGS84. Catchment and blind spots are of the last stage. */
export interface AnalysisLayers {
  catchment: FeatureCollection;
  /** The 'before' catchment of a comparison. */
  catchmentBefore?: FeatureCollection;
  blindSpots: FeatureCollection;
  sites?: FeatureCollection;
}

export const ANALYSIS_LAYER_NAMES = ['catchment', 'catchmentBefore', 'blindSpots', 'sites'] as const;
export type AnalysisLayerName = (typeof ANALYSIS_LAYER_NAMES)[number];

export interface AnalysisOutcome {
  figures: AnalysisFigures;
  layers: AnalysisLayers;
}

/** The layers a run reads, as GeoJSON in WGS84 (what the worker fetched, or the CLI read). */
export interface AnalysisInputs {
  facilities: FeatureCollection;
  targets: FeatureCollection;
  streets?: FeatureCollection;
  districts?: FeatureCollection;
  /** Candidate sites, when the request asks where to build next. */
  candidates?: FeatureCollection;
}
