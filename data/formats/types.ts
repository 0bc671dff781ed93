import type { Geometry } from 'geojson';
import type { CrsDef } from '../../shared/crs/types.ts';
import type { Bilingual } from '../../shared/layers/types.ts';

/** A file on the local disk handed to an importer (a picked, dropped-and-staged or CLI-named file). */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** File name as the user knows it (the staged copy may be renamed). */
  name: string;
}

export interface ReadOptions {
  /** Text encoding chosen by the user (e.g. 'gbk'); otherwise declared or detected. */
  encoding?: string;
  /** CSV: the longitude / latitude (or x / y) columns, or a WKT column. */
  x?: string;
  y?: string;
  wkt?: string;
  /** Shapefile without a .dbf: the user agreed to import geometry only. */
  allowNoAttributes?: boolean;
  signal?: AbortSignal;
  /**
   * Told how far `open` is through a pass over the whole source it makes before any feature (a CSV's
   * first pass for header, types and row count): the fraction of the bytes read, 0..1.
   */
  progress?: (fraction: number) => void;
}

export type SourceFieldType = 'TEXT' | 'INTEGER' | 'REAL' | 'DATE' | 'DATETIME' | 'BOOLEAN';

/** One feature as read, before reprojection and checks; coordinates in the source CRS. */
export interface RawFeature {
  /** 0-based position in the source, for messages ("feature 17"). */
  index: number;
  geometry: Geometry | null;
  properties: Record<string, string | number | boolean | null>;
}

/**
 * A 2D geometry as flat arrays, decoded straight from a file (no GeoJSON objects): `type` is the WKB
 * code, 1 Point … 6 MultiPolygon (never a GeometryCollection); `counts[start..end)` are the counts in
 * the order WKB writes them (a Polygon: its number of rings, then each ring's number of points; a
 * MultiPolygon: its number of polygons, then for each its number of rings and their numbers of points);
 * `xy` holds `points` positions, x and y interleaved. The arrays are reused from feature to feature,
 * and `counts[start - 1]` is free, so a single part can be wrapped into a Multi* in place.
 */
export interface FlatGeometry {
  type: number;
  counts: Int32Array;
  start: number;
  end: number;
  xy: Float64Array;
  points: number;
}

/** One feature decoded by `DecodedBatch.decode`; reused from feature to feature. */
export interface DecodedFeature {
  /** 0-based position in the source, for messages. */
  index: number;
  /** Values by position in `SourceLayer.fields`; undefined where the feature has none. Objects and arrays are JSON text. */
  values: (string | number | boolean | null | undefined)[];
  geometry: FlatGeometry;
}

/** Features of one stretch of a file, in order; valid only until the next batch is asked for. */
export interface DecodedBatch {
  readonly size: number;
  /**
   * Decodes feature `i` into `out` and returns true; returns false, leaving it to `raw(i)`, for anything
   * out of the ordinary (a null geometry, 3D positions, a GeometryCollection, JSON it does not take).
   */
  decode(i: number, out: DecodedFeature): boolean;
  /** Feature `i` as `features()` gives it (and with its errors). */
  raw(i: number): Promise<RawFeature>;
}

/** A DecodedFeature to pass to `DecodedBatch.decode`. */
export function newDecodedFeature(): DecodedFeature {
  return { index: 0, values: [], geometry: { type: 0, counts: new Int32Array(64), start: 1, end: 1, xy: new Float64Array(512), points: 0 } };
}

/** One layer of a source file (a GeoPackage or KML may hold several). */
export interface SourceLayer {
  /** Suggested layer name (file or table name). */
  name: string;
  /** CRS declared by the file (.prj, gpkg srs, GeoJSON crs member), or null when it says nothing. */
  crs: CrsDef | null;
  fields: { key: string; type: SourceFieldType }[];
  /** Text encoding used to decode attributes, when the format has one (shapefile, CSV). */
  encoding?: string;
  /** Things the user should know that are not errors (".cpg is HTML, ignored; encoding detected as GBK"). */
  notes: string[];
  /** Reads the features in order; may be called more than once (preview, then import). */
  features(signal?: AbortSignal): AsyncIterable<RawFeature>;
  /**
   * The same features for an import, decoded without GeoJSON objects where the format allows (GeoJSON):
   * in batches, each feature decoded on request. Optional; `features` is the general way.
   */
  decoded?(signal?: AbortSignal): AsyncIterable<DecodedBatch>;
  /** Number of features when the format knows it without reading them all. */
  countHint?: number;
  /** Bytes of the source, and a callback-free way to tell progress: bytes consumed so far. */
  sizeBytes?: number;
  bytesRead?(): number;
}

/** An importer: one per format, registered in data/formats/registry.ts. */
export interface FormatReader {
  id: string;
  name: Bilingual;
  /** Lower-case extensions with the dot, e.g. ['.shp', '.zip']. */
  extensions: string[];
  /**
   * The files of `files` this reader takes (e.g. a .shp with its .dbf/.shx/.prj/.cpg siblings), or null
   * when none are its own. Content may be sniffed; must not throw for foreign files.
   */
  claim(files: SourceFile[]): SourceFile[] | null;
  /** Opens the claimed files; throws AtlasError('invalid_file' | 'needs_input' ...) naming file and problem. */
  open(files: SourceFile[], opts: ReadOptions): Promise<SourceLayer[]>;
}

/** A layer to write: features in WGS84 (writers reproject when `crs` is given). */
export interface ExportLayer {
  name: string;
  fields: { key: string; type: string }[];
  features: Iterable<{ geometry: Geometry | null; properties: Record<string, unknown> }>;
}

export interface WriteOptions {
  /** Target CRS; WGS84 lon/lat when absent. */
  crs?: CrsDef;
  /** CSV geometry: a WKT column (default) or lon/lat columns (points only). */
  csvGeometry?: 'wkt' | 'lonlat';
}

/** An exporter: one per format, registered in data/formats/registry.ts. */
export interface FormatWriter {
  id: string;
  name: Bilingual;
  /** Extension of the file it writes, e.g. '.zip' for shapefiles. */
  extension: string;
  /** Writes the layers to `outPath` (created through a temporary file, never half-written). */
  write(layers: ExportLayer[], outPath: string, opts: WriteOptions): Promise<{ files: string[]; notes: string[] }>;
}
