import type { AnalysisFigures, AnalysisLayerName, AnalysisRequest } from '../../shared/analysis/request.ts';
import type { AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';

/** A row of ra_analysis_runs as stored (JSON columns as text). */
export interface RunRow {
  id: number;
  name: string;
  created_at: string;
  duration_ms: number | null;
  request: string;
  figures: string;
  inputs: string;
  layers: string;
}

const LABELS: Record<AnalysisLayerName, string> = {
  catchment: 'catchment',
  catchmentBefore: 'catchment before the plan',
  blindSpots: 'blind spots',
  sites: 'sites',
};

/** gpkg_contents.identifier of a result table (unique through the run id), as QGIS lists it. */
export function layerLabel(runName: string, id: number, layer: AnalysisLayerName): string {
  return `${runName} — ${LABELS[layer]} (run ${id})`;
}

/** The project layers a request reads, each once. */
export function inputLayerIds(request: AnalysisRequest): string[] {
  const l = request.layers;
  return [...new Set([l.facilities, l.targets, l.streets, l.districts, request.sites?.candidates].filter((x): x is string => typeof x === 'string'))];
}

/** The list entry of a run: its request, the headline figures and its layers. */
export function summaryOf(row: RunRow, layers: AnalysisRunSummary['layers'], stale: boolean): AnalysisRunSummary {
  const figures = JSON.parse(row.figures) as AnalysisFigures;
  const last = figures.stages[figures.stages.length - 1].coverage;
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    durationMs: row.duration_ms,
    request: JSON.parse(row.request) as AnalysisRequest,
    share: last.share,
    shareBefore: figures.stages.length > 1 ? figures.stages[0].coverage.share : null,
    threshold: last.threshold ?? null,
    met: last.met ?? null,
    layers,
    stale,
  };
}
