// Every EPSG code for the readers and writers (a .prj, a GeoPackage srs_id, a GeoJSON crs member).
import '../crs/index.ts';
import type { FormatReader, FormatWriter } from './types.ts';
import { shapefileReader } from './shapefile/reader.ts';
import { shapefileWriter } from './shapefile/writer.ts';
import { geojsonReader, geojsonWriter } from './geojson/index.ts';
import { gpkgReader } from './gpkg/reader.ts';
import { gpkgWriter } from './gpkg/writer.ts';
import { kmlReader } from './kml/reader.ts';
import { kmlWriter } from './kml/writer.ts';
import { gpxReader } from './gpx/reader.ts';
import { csvReader } from './csv/reader.ts';
import { csvWriter } from './csv/writer.ts';
import { flatgeobufReader, flatgeobufWriter } from './flatgeobuf/index.ts';

/**
 * Importers, asked in this order which files they claim: specific formats first, CSV (which also
 * takes .txt) last.
 */
export const READERS: readonly FormatReader[] = [shapefileReader, gpkgReader, flatgeobufReader, kmlReader, gpxReader, geojsonReader, csvReader];

/** Exporters by id: geojson, gpkg, shapefile, csv, kml, flatgeobuf. */
export const WRITERS: readonly FormatWriter[] = [geojsonWriter, gpkgWriter, shapefileWriter, csvWriter, kmlWriter, flatgeobufWriter];
