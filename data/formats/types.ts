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
}

export type SourceFieldType = 'TEXT' | 'INTEGER' | 'REAL' | 'DATE' | 'DATETIME' | 'BOOLEAN';

/** One feature as read, before reprojection and checks; coordinates in the source CRS. */
export interface RawFeature {
  /** 0-based position in the source, for messages ("feature 17"). */
  index: number;
  geometry: Geometry | null;
  properties: Record<string, string | number | boolean | null>;
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
