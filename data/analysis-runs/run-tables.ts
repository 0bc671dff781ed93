import type { AnalysisLayerName } from '../../shared/analysis/request.ts';

/**
 * Names of a saved run's result tables: `ra_run_<id>_<layer>` (e.g. ra_run_3_blind_spots). They are
 * real GeoPackage feature tables, so QGIS and GDAL open them, but never project layers: the project
 * store leaves every table matching RUN_TABLE out of its layer list.
 */
export const RUN_TABLE = /^ra_run_\d+_[a-z_]+$/;

const SUFFIX: Record<AnalysisLayerName, string> = {
  catchment: 'catchment',
  catchmentBefore: 'catchment_before',
  blindSpots: 'blind_spots',
  sites: 'sites',
};

/** True for a table that holds a saved run's result layer. */
export function isRunTable(table: string): boolean {
  return RUN_TABLE.test(table);
}

/** The table of one result layer of run `id`. */
export function runTableName(id: number, layer: AnalysisLayerName): string {
  return `ra_run_${id}_${SUFFIX[layer]}`;
}

/** A layer's name in exported files: catchment, catchment-before, blind-spots, sites (or with `_`). */
export function layerFileName(layer: AnalysisLayerName, separator: '-' | '_' = '-'): string {
  return SUFFIX[layer].replace(/_/g, separator);
}
