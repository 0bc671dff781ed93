import type { ApiArgs, LayerInfo } from '../../shared/api/contract.ts';
import { listParam, type AtlasErrorData } from '../../shared/api/errors.ts';
import type { ImportOptions, ImportProblem, PreviewLayer } from '../../shared/api/transfer.ts';
import { matchFields } from '../../shared/import/field-match.ts';
import { getKind, type Bilingual, type KindId, type LayerKind } from '../../shared/layers/index.ts';
import { baseName, extensionOf, stemOf } from '../files/paths.ts';
import type { ImportState, TargetDraft } from './import-store.ts';

/** Files the import offers in the file dialog. */
export const IMPORT_EXTENSIONS: readonly string[] = [
  '.geojson', '.json', '.shp', '.dbf', '.shx', '.prj', '.cpg', '.zip', '.gpkg', '.kml', '.kmz', '.gpx', '.csv', '.tsv', '.txt', '.fgb',
];

/** Encodings offered for attribute text; '' lets the file say (or the host detect). */
export const ENCODINGS: readonly string[] = ['', 'utf-8', 'gbk', 'gb18030', 'big5', 'windows-1252'];

const SIDECARS = new Set(['.dbf', '.shx', '.prj', '.cpg', '.qmd', '.sbn', '.sbx']);

/** The file the user thinks of as "the" file: not a shapefile's sidecar. */
export function mainFile(files: readonly string[]): string {
  return files.find((f) => !SIDECARS.has(extensionOf(f))) ?? files[0] ?? '';
}

/** A new layer's title: the layer's name when the file holds several, else the file's name. */
export function defaultTitle(files: readonly string[], layers: readonly PreviewLayer[], index: number): string {
  const layer = layers[index];
  if (layers.length > 1 && layer?.name) return layer.name;
  return stemOf(baseName(mainFile(files))) || layer?.name || '';
}

/** A field of the target layer, with its label in both languages. */
export interface TargetField {
  key: string;
  label: Bilingual;
  unit?: Bilingual;
}

/** The fields a mapping fills: the kind's, or for a generic layer its own columns (under their names). */
export function targetFields(kind: LayerKind, layer?: LayerInfo): TargetField[] {
  if (kind.fields.length > 0) return kind.fields.map((f) => ({ key: f.key, label: f.label, unit: f.unit }));
  return (layer?.fields ?? []).map((f) => ({ key: f.key, label: { zh: f.key, en: f.key } }));
}

/** Source field -> target field guesses for a kind (the host's guess when it made one for that kind). */
export function mappingForKind(kindId: KindId, layer: PreviewLayer): Record<string, string | null> {
  if (kindId === 'generic') return {};
  if (kindId === layer.suggestedKind && Object.keys(layer.mapping).length > 0) return { ...layer.mapping };
  return matchFields(getKind(kindId), layer.fields.map((f) => f.key));
}

/** Guesses for appending to an existing layer: its fields matched to the source's by name and label. */
export function mappingForLayer(target: LayerInfo, layer: PreviewLayer): Record<string, string | null> {
  const fields = targetFields(getKind(target.kind), target);
  const pseudoKind = { ...getKind('generic'), fields: fields.map((f) => ({ key: f.key, label: f.label, type: 'TEXT' as const })) };
  return matchFields(pseudoKind, layer.fields.map((f) => f.key));
}

/** The target as it starts for a previewed layer: a new layer of the suggested kind. */
export function initialTarget(files: readonly string[], layers: readonly PreviewLayer[], index: number): TargetDraft {
  const layer = layers[index];
  const kind = layer?.suggestedKind ?? 'generic';
  return {
    mode: 'new',
    kind,
    title: defaultTitle(files, layers, index),
    appendLayerId: null,
    mapping: layer ? mappingForKind(kind, layer) : {},
  };
}

const FAMILY: Record<string, 'point' | 'line' | 'polygon'> = {
  Point: 'point', MultiPoint: 'point', LineString: 'line', MultiLineString: 'line', Polygon: 'polygon', MultiPolygon: 'polygon',
};

function familyOfTypeName(name: string): 'point' | 'line' | 'polygon' | null {
  const n = name.toUpperCase();
  if (n.includes('POINT')) return 'point';
  if (n.includes('LINE')) return 'line';
  if (n.includes('POLYGON')) return 'polygon';
  return null;
}

/** False when the source's geometry cannot go into a layer of this geometry type (points into parks). */
export function geometryFits(targetGeometry: string, sourceTypes: readonly string[]): boolean {
  const family = familyOfTypeName(targetGeometry);
  if (!family) return true;
  return sourceTypes.every((t) => FAMILY[t] === undefined || FAMILY[t] === family);
}

/** How many problems of each kind the listed problems hold, most frequent first. */
export function problemCounts(problems: readonly ImportProblem[]): { kind: ImportProblem['kind']; count: number }[] {
  const counts = new Map<ImportProblem['kind'], number>();
  for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count);
}

/** What a failed preview asks of the user. */
export type PreviewQuestion =
  | { type: 'columns'; columns: string[] }
  | { type: 'noAttributes' }
  | { type: 'crs' }
  /** The CRS the user gave cannot be used (unknown EPSG code, vertical CRS, unreadable WKT): ask again. */
  | { type: 'crsInvalid' }
  | { type: 'none' };

/**
 * Reads what a needs_input / bad_coordinates error asks for (columns, consent to drop attributes, a
 * CRS), or that the CRS the user gave cannot be used (invalid_argument for the option 'crs').
 */
export function previewQuestion(error: AtlasErrorData | null): PreviewQuestion {
  if (!error) return { type: 'none' };
  const params = error.params ?? {};
  if (error.code === 'bad_coordinates') return { type: 'crs' };
  if (error.code === 'invalid_argument' && params.option === 'crs') return { type: 'crsInvalid' };
  if (error.code !== 'needs_input') return { type: 'none' };
  if (params.columns !== undefined) return { type: 'columns', columns: listParam(params.columns) };
  const said = [...Object.keys(params), ...Object.values(params).map(String), error.message].join(' ');
  if (/allowNoAttributes|\.dbf|attributes/i.test(said)) return { type: 'noAttributes' };
  return { type: 'crs' };
}

const LON = /^(lon|lng|long|longitude|x|经度|point_x|coord_x|xcoord)$/i;
const LAT = /^(lat|latitude|y|纬度|point_y|coord_y|ycoord)$/i;
const WKT = /^(wkt|geom|geometry|the_geom|shape|几何)$/i;

/** Which CSV columns look like lon / lat or WKT. */
export function guessCoordinateColumns(columns: readonly string[]): { x?: string; y?: string; wkt?: string } {
  const find = (re: RegExp) => columns.find((c) => re.test(c.trim()));
  return { x: find(LON), y: find(LAT), wkt: find(WKT) };
}

/** Options with a change applied; an empty value removes the option. */
export function withOption(options: ImportOptions, patch: Partial<ImportOptions>): ImportOptions {
  const next: Record<string, unknown> = { ...options, ...patch };
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === '' || v === false) delete next[k];
  return next as ImportOptions;
}

/** CRS choices: the layer's candidates first, then the rest of the common list, then the one in use if neither has it. */
export function crsChoices(
  candidates: readonly { id: string; name: string }[],
  all: readonly { id: string; name: string }[],
  inUse: { id: string; name: string } | null,
): { suggested: { id: string; name: string }[]; others: { id: string; name: string }[] } {
  const seen = new Set(candidates.map((c) => c.id));
  const others = all.filter((c) => !seen.has(c.id));
  for (const c of others) seen.add(c.id);
  const suggested = [...candidates];
  if (inUse && !seen.has(inUse.id)) suggested.unshift(inUse);
  return { suggested, others };
}

/** Whether the import can start: a target, and a choice about features that cannot be imported. */
export function canStartImport(state: Pick<ImportState, 'preview' | 'layerIndex' | 'target' | 'invalidChoice'>): boolean {
  const layer = state.preview?.layers[state.layerIndex];
  if (!layer) return false;
  const { target } = state;
  if (target.mode === 'new' && !target.title.trim()) return false;
  if (target.mode === 'append' && !target.appendLayerId) return false;
  return layer.invalidCount === 0 || state.invalidChoice === 'skip';
}

/** The startImport arguments for the dialog's choices. */
export function importArgs(state: Pick<ImportState, 'files' | 'options' | 'layerIndex' | 'target' | 'invalidChoice'>): ApiArgs['startImport'] {
  const { target } = state;
  const options = Object.keys(state.options).length > 0 ? { options: state.options } : {};
  const mapping = Object.keys(target.mapping).length > 0 ? { mapping: target.mapping } : {};
  return {
    files: state.files,
    ...options,
    layerIndex: state.layerIndex,
    target:
      target.mode === 'new'
        ? { mode: 'new', kind: target.kind, title: target.title.trim(), ...(target.kind === 'generic' ? {} : mapping) }
        : { mode: 'append', layerId: target.appendLayerId ?? '', ...mapping },
    skipInvalid: state.invalidChoice === 'skip',
  };
}
