import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import type { AtlasErrorData } from './errors.ts';
import type { KindId } from '../layers/types.ts';

/** Import and export: the argument schemas and result types of those API calls. */

const filePath = z.string().min(1).max(4096);

export const importOptions = z
  .object({
    /** Text encoding the user picked (e.g. 'gbk'); declared or detected otherwise. */
    encoding: z.string().max(40).optional(),
    /** CRS of the source when the file does not say, or to override it: 'EPSG:4549', 'GCJ02', 'BD09', WKT or proj4 text. */
    crs: z.string().max(20000).optional(),
    /** CSV columns. */
    x: z.string().max(200).optional(),
    y: z.string().max(200).optional(),
    wkt: z.string().max(200).optional(),
    /** Shapefile without .dbf: import geometry only. */
    allowNoAttributes: z.boolean().optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptions>;

export const importTarget = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('new'),
      kind: z.string().min(1).max(60),
      title: z.string().min(1).max(200),
      /** Target field key -> source field (kinds); ignored for generic layers, which keep every attribute. */
      mapping: z.record(z.string(), z.string().nullable()).optional(),
    })
    .strict(),
  z
    .object({
      mode: z.literal('append'),
      layerId: z.string().min(1).max(200),
      mapping: z.record(z.string(), z.string().nullable()).optional(),
    })
    .strict(),
]);
export type ImportTarget = z.infer<typeof importTarget>;

export const transferArgs = {
  importPreview: z.object({ files: z.array(filePath).min(1).max(50), options: importOptions.optional() }).strict(),
  startImport: z
    .object({
      files: z.array(filePath).min(1).max(50),
      options: importOptions.optional(),
      layerIndex: z.number().int().nonnegative().default(0),
      target: importTarget,
      /** Skip features with problems that cannot be fixed (reported), instead of refusing the import. */
      skipInvalid: z.boolean().default(false),
    })
    .strict(),
  startExport: z
    .object({
      /** Layers to write; several (or the whole project) go to one GeoPackage, or one file each elsewhere. */
      layerIds: z.array(z.string().min(1).max(200)).min(1),
      /** A selection: only these feature ids (with a single layer). */
      fids: z.array(z.number().int().nonnegative()).optional(),
      format: z.enum(['geojson', 'gpkg', 'shapefile', 'csv', 'kml']),
      crs: z.string().max(20000).optional(),
      csvGeometry: z.enum(['wkt', 'lonlat']).optional(),
      path: filePath,
      overwrite: z.boolean().optional(),
    })
    .strict(),
  jobStatus: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  cancelJob: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  layerAttributes: z.object({ layerId: z.string().min(1).max(200) }).strict(),
  listCrs: z.object({}).strict(),
} as const;

export interface ImportProblem {
  /** 0-based feature index in the source. */
  feature: number;
  kind:
    | 'null_geometry'
    | 'empty_geometry'
    | 'unclosed_ring'
    | 'short_ring'
    | 'wrong_winding'
    | 'self_intersection'
    | 'nan_coordinate'
    | 'bad_coordinates'
    | 'unsupported_geometry'
    | 'bad_value';
  message: string;
  /** True when the import fixes it (closes the ring, rewinds); false when the feature is bad. */
  fixed: boolean;
}

export interface PreviewLayer {
  index: number;
  name: string;
  featureCount: number;
  geometryTypes: string[];
  /** The CRS used (declared, or given in options), or null when the file does not say and none was given. */
  crs: { id: string; name: string } | null;
  /** Systems to offer when the CRS is unknown (e.g. WGS84 / GCJ-02 / BD-09 for data in China). */
  crsCandidates: { id: string; name: string }[];
  encoding?: string;
  fields: { key: string; type: string }[];
  /** First rows of attributes. */
  sampleRows: Record<string, string | number | boolean | null>[];
  /** Up to 1,000 features in WGS84 (with the CRS in use), to draw on the map before importing. */
  sample: FeatureCollection;
  bbox: [number, number, number, number] | null;
  problems: ImportProblem[];
  problemCount: number;
  /** Features that cannot be imported as they are (the rest import, fixed where needed). */
  invalidCount: number;
  notes: string[];
  suggestedKind: KindId;
  /** For the suggested kind: target field key -> source field (null when nothing matched). */
  mapping: Record<string, string | null>;
}

export interface ImportPreview {
  format: string;
  files: string[];
  layers: PreviewLayer[];
}

export interface ImportResult {
  layerId: string;
  imported: number;
  skipped: number;
  fixed: number;
  problems: ImportProblem[];
}

export interface ExportResult {
  files: string[];
  count: number;
  notes: string[];
}

export interface JobStatus {
  jobId: string;
  kind: 'import' | 'export';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1 */
  progress: number;
  processed: number;
  total: number | null;
  result?: ImportResult | ExportResult;
  error?: AtlasErrorData;
}

export interface LayerAttributes {
  columns: { key: string; type: string }[];
  fids: number[];
  /** One row per fid, values in column order. */
  rows: (string | number | null)[][];
}

export interface TransferResults {
  importPreview: ImportPreview;
  startImport: { jobId: string };
  startExport: { jobId: string };
  jobStatus: JobStatus;
  cancelJob: JobStatus;
  layerAttributes: LayerAttributes;
  listCrs: { id: string; name: string }[];
}
