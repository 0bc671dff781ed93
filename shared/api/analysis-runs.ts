import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import type { AnalysisFigures, AnalysisLayerName, AnalysisRequest } from '../analysis/request.ts';
import type { ExportResult } from './transfer.ts';

/** Saved analysis runs and the paged attribute table: argument schemas and result types. */

const layerId = z.string().min(1).max(200);
const runId = z.number().int().positive();
const presetId = z.enum(['green-5min', 'park-service', 'greenway-10min', 'parking-school-hospital', 'service-10min', 'life-15min']);

export const analysisRequest = z
  .object({
    preset: presetId,
    mode: z.enum(['straight', 'walk']),
    plan: z.enum(['before', 'after', 'all', 'compare']),
    distance: z.number().positive().max(100_000).optional(),
    minArea: z.number().nonnegative().optional(),
    types: z.array(z.string().max(100)).max(50).optional(),
    streetWidth: z.number().positive().max(1000).optional(),
    entranceTolerance: z.number().nonnegative().max(200).optional(),
    layers: z
      .object({ facilities: layerId, targets: layerId, streets: layerId.optional(), districts: layerId.optional() })
      .strict(),
    sites: z.object({ candidates: layerId, k: z.number().int().min(1).max(100) }).strict().optional(),
  })
  .strict() satisfies z.ZodType<AnalysisRequest>;

const featureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({ type: z.literal('Feature') })) })
  .loose();

export const tableQuery = z
  .object({
    sortKey: z.string().max(200).optional(),
    sortDir: z.enum(['asc', 'desc']).optional(),
    /** Text search over every column (case-insensitive substring). */
    search: z.string().max(500).optional(),
    /** Keep rows whose column equals one of the values (null matches empty cells). */
    filters: z
      .array(z.object({ key: z.string().max(200), values: z.array(z.union([z.string(), z.number(), z.null()])).max(1000) }).strict())
      .max(20)
      .optional(),
  })
  .strict();
export type TableQuery = z.infer<typeof tableQuery>;

export const analysisRunArgs = {
  /** Saves a finished run (computed in the renderer's worker) into the project. */
  saveAnalysisRun: z
    .object({
      name: z.string().min(1).max(200),
      request: analysisRequest,
      /** Produced by shared/analysis/run-analysis.ts; stored as JSON. */
      figures: z.looseObject({ stages: z.array(z.unknown()).min(1).max(2) }),
      layers: z
        .object({
          catchment: featureCollection,
          catchmentBefore: featureCollection.optional(),
          blindSpots: featureCollection,
          sites: featureCollection.optional(),
        })
        .strict(),
      /** Wall-clock milliseconds the run took. */
      durationMs: z.number().nonnegative().optional(),
    })
    .strict(),
  listAnalysisRuns: z.object({}).strict(),
  getAnalysisRun: z.object({ runId }).strict(),
  deleteAnalysisRun: z.object({ runId }).strict(),
  renameAnalysisRun: z.object({ runId, name: z.string().min(1).max(200) }).strict(),
  /** GeoJSON: one file per result layer beside `path`; GeoPackage: all layers + figures in one file; CSV: the figures table. */
  exportAnalysisRun: z
    .object({ runId, format: z.enum(['geojson', 'gpkg', 'csv']), path: z.string().min(1).max(4096), overwrite: z.boolean().optional() })
    .strict(),
  /** One page of a layer's attribute table, sorted and filtered in SQLite. */
  layerRows: z
    .object({ layerId, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(5000), query: tableQuery.optional() })
    .strict(),
  /** Where a feature sits in the sorted, filtered table (null when filtered out). */
  layerRowIndex: z.object({ layerId, fid: z.number().int().nonnegative(), query: tableQuery.optional() }).strict(),
  /** The distinct values of one column with their counts (for the value filter), most frequent first. */
  layerColumnValues: z.object({ layerId, key: z.string().max(200), limit: z.number().int().min(1).max(5000).optional() }).strict(),
} as const;

export interface AnalysisRunSummary {
  id: number;
  name: string;
  createdAt: string;
  durationMs: number | null;
  request: AnalysisRequest;
  /** Share of the last stage (and of the first, for a comparison). */
  share: number;
  shareBefore: number | null;
  threshold: number | null;
  met: boolean | null;
  /** Result layers stored, with their GeoPackage table names and feature counts. */
  layers: { name: AnalysisLayerName; table: string; featureCount: number }[];
  /** True when an input layer changed (or is gone) since the run: the figures may be out of date. */
  stale: boolean;
}

export interface AnalysisRunDetail extends AnalysisRunSummary {
  figures: AnalysisFigures;
  layerData: Partial<Record<AnalysisLayerName, FeatureCollection>>;
}

export interface LayerRowsPage {
  columns: { key: string; type: string }[];
  /** Rows after filtering (the table's length). */
  total: number;
  /** Rows in the layer. */
  layerTotal: number;
  offset: number;
  fids: number[];
  rows: (string | number | null)[][];
}

export interface AnalysisRunResults {
  saveAnalysisRun: AnalysisRunSummary;
  listAnalysisRuns: AnalysisRunSummary[];
  getAnalysisRun: AnalysisRunDetail;
  deleteAnalysisRun: { runId: number };
  renameAnalysisRun: AnalysisRunSummary;
  exportAnalysisRun: ExportResult;
  layerRows: LayerRowsPage;
  layerRowIndex: { index: number | null };
  layerColumnValues: { values: { value: string | number | null; count: number }[]; distinct: number };
}
