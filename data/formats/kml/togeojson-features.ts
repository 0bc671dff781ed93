import type { Feature, Geometry, Position } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { RawFeature, SourceFieldType } from '../types.ts';

type Value = string | number | boolean | null;

/** Keys togeojson derives from KML styles / GPX line styles: the app styles layers itself. */
const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity',
  'icon', 'icon-color', 'icon-opacity', 'icon-scale', 'icon-heading', 'icon-offset', 'icon-offset-units',
  'label-color', 'label-opacity', 'label-scale', 'marker-color', 'visibility', 'coordinateProperties', '_gpxType',
]);

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function trimPosition(p: Position): Position {
  return [p[0], p[1]];
}

/**
 * 2D copy of a togeojson geometry (KML altitudes and GPX elevations dropped), with a
 * MultiGeometry of one kind turned into the matching Multi* type as GDAL reads it.
 */
export function flattenGeometry(g: Geometry | null): Geometry | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 2 ? { type: 'Point', coordinates: trimPosition(g.coordinates) } : null;
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(trimPosition) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(trimPosition)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(trimPosition))) };
    case 'GeometryCollection': {
      const parts = g.geometries.map(flattenGeometry).filter((p): p is Geometry => p !== null);
      if (parts.length === 0) return null;
      const kinds = new Set(parts.map((p) => p.type));
      if (kinds.size === 1 && kinds.has('Point')) return { type: 'MultiPoint', coordinates: parts.map((p) => (p as { coordinates: Position }).coordinates) };
      if (kinds.size === 1 && kinds.has('LineString')) return { type: 'MultiLineString', coordinates: parts.map((p) => (p as { coordinates: Position[] }).coordinates) };
      if (kinds.size === 1 && kinds.has('Polygon')) return { type: 'MultiPolygon', coordinates: parts.map((p) => (p as { coordinates: Position[][] }).coordinates) };
      return { type: 'GeometryCollection', geometries: parts };
    }
  }
}

/**
 * Flat attribute values from togeojson's properties: style keys dropped, an HTML description as its
 * text, a time span as begin/end, other nested values as JSON text.
 */
export function flattenProperties(props: Record<string, unknown> | null): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, v] of Object.entries(props ?? {})) {
    if (STYLE_KEYS.has(key) || v === undefined) continue;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') out[key] = v;
    else if (typeof v === 'number') out[key] = Number.isFinite(v) ? v : null;
    else if (key === 'description' && typeof v === 'object' && 'value' in v) out[key] = String((v as { value: unknown }).value);
    else if (key === 'timespan' && typeof v === 'object') {
      const span = v as { begin?: string; end?: string };
      out.begin = span.begin || null;
      out.end = span.end || null;
    } else out[key] = JSON.stringify(v);
  }
  return out;
}

function typeOf(v: Value): SourceFieldType | null {
  if (v === null || v === '') return null;
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'number') return Number.isInteger(v) ? 'INTEGER' : 'REAL';
  if (ISO_DATETIME.test(v)) return 'DATETIME';
  if (ISO_DATE.test(v)) return 'DATE';
  return 'TEXT';
}

function merge(a: SourceFieldType | null, b: SourceFieldType | null): SourceFieldType | null {
  if (a === null || a === b) return b ?? a;
  if (b === null) return a;
  if ((a === 'INTEGER' && b === 'REAL') || (a === 'REAL' && b === 'INTEGER')) return 'REAL';
  return 'TEXT';
}

/**
 * Fields of a layer in order of first appearance, typed from the values unless `declared` names a
 * type; values that do not fit their field's type are turned into text (TEXT fields) in place.
 */
export function collectFields(
  features: RawFeature[],
  declared: ReadonlyMap<string, SourceFieldType> = new Map(),
): { key: string; type: SourceFieldType }[] {
  const types = new Map<string, SourceFieldType | null>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties)) {
      types.set(k, declared.get(k) ?? merge(types.has(k) ? types.get(k)! : null, typeOf(v)));
    }
  }
  const fields = [...types].map(([key, t]) => ({ key, type: t ?? 'TEXT' }));
  const text = new Set(fields.filter((f) => f.type === 'TEXT').map((f) => f.key));
  for (const f of features) {
    for (const k of text) {
      const v = f.properties[k];
      if (v !== null && v !== undefined && typeof v !== 'string') f.properties[k] = String(v);
    }
  }
  return fields;
}

/** A togeojson feature as a RawFeature at `index`, every field of the layer present (null when absent). */
export function toRawFeature(f: Feature<Geometry | null>, index: number): RawFeature {
  return { index, geometry: flattenGeometry(f.geometry), properties: flattenProperties(f.properties as Record<string, unknown> | null) };
}

/** Gives every feature every field of the layer, null where it had none, in field order. */
export function fillMissing(features: RawFeature[], fields: readonly { key: string }[]): void {
  for (const f of features) {
    const props: Record<string, Value> = {};
    for (const { key } of fields) props[key] = f.properties[key] ?? null;
    f.properties = props;
  }
}

/** Yields copies of features read earlier, so a layer can be read again (preview, then import). */
export async function* replayFeatures(features: readonly RawFeature[], signal?: AbortSignal): AsyncGenerator<RawFeature> {
  for (const f of features) {
    if (signal?.aborted) throw new AtlasError('cancelled', 'Reading was cancelled', {});
    yield { index: f.index, geometry: f.geometry, properties: { ...f.properties } };
  }
}
