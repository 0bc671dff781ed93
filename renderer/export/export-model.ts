import type { ApiArgs } from '../../shared/api/contract.ts';
import { dirName, joinPath, stemOf } from '../files/paths.ts';

export type ExportFormat = ApiArgs['startExport']['format'];
export type ExportScope = 'layer' | 'selection' | 'project';

/** The formats offered, with the extension of the file each writes. */
export const EXPORT_FORMATS: readonly { id: ExportFormat; extension: string }[] = [
  { id: 'geojson', extension: '.geojson' },
  { id: 'gpkg', extension: '.gpkg' },
  { id: 'shapefile', extension: '.zip' },
  { id: 'csv', extension: '.csv' },
  { id: 'kml', extension: '.kml' },
];

export const WGS84 = 'EPSG:4326';

export function extensionFor(format: ExportFormat): string {
  return EXPORT_FORMATS.find((f) => f.id === format)?.extension ?? '';
}

/** KML is lon/lat by definition: no other CRS may be written. */
export function formatTakesCrs(format: ExportFormat): boolean {
  return format !== 'kml';
}

/** A file name from a title: characters no file system takes are replaced, the format's extension added. */
export function exportFileName(title: string, format: ExportFormat): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'export';
  return `${safe}${extensionFor(format)}`;
}

/** The chosen path with the extension of another format (the user switched format after picking). */
export function withFormatExtension(path: string, format: ExportFormat): string {
  const dir = dirName(path);
  const name = `${stemOf(path)}${extensionFor(format)}`;
  return dir ? joinPath(dir, name) : name;
}

export interface ExportDraft {
  layerId: string | null;
  scope: ExportScope;
  format: ExportFormat;
  crs: string;
  csvGeometry: 'wkt' | 'lonlat';
  path: string;
}

/** The startExport arguments for the dialog's choices; null when something is missing. */
export function exportArgs(
  draft: ExportDraft,
  allLayerIds: readonly string[],
  selection: { layerId: string; fid: number } | null,
  overwrite: boolean,
): ApiArgs['startExport'] | null {
  if (!draft.path.trim()) return null;
  let layerIds: string[];
  let fids: number[] | undefined;
  if (draft.scope === 'project') layerIds = [...allLayerIds];
  else if (!draft.layerId) return null;
  else layerIds = [draft.layerId];
  if (draft.scope === 'selection') {
    if (!selection || selection.layerId !== draft.layerId) return null;
    fids = [selection.fid];
  }
  if (layerIds.length === 0) return null;
  return {
    layerIds,
    ...(fids ? { fids } : {}),
    format: draft.format,
    ...(formatTakesCrs(draft.format) && draft.crs !== WGS84 ? { crs: draft.crs } : {}),
    ...(draft.format === 'csv' ? { csvGeometry: draft.csvGeometry } : {}),
    path: draft.path.trim(),
    ...(overwrite ? { overwrite: true } : {}),
  };
}
