import type { Geometry } from 'geojson';
import type { RawFeature } from '../types.ts';
import { parseJson, type ScanSink } from './scanner.ts';

/**
 * Turns what the splitter finds into features: FeatureCollections (features streamed), single Features,
 * bare geometries, and sequences of any of them. Structure that is not GeoJSON throws `GeoJsonError`;
 * geometries are passed on as they are, for `checkGeometry` to judge.
 */

/** A GeoJSON structure problem at a byte offset, naming the feature when there is one. */
export class GeoJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly feature?: number,
  ) {
    super(message);
    this.name = 'GeoJsonError';
  }
}

export const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
const ALL_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];

/** Members that belong to another kind of object and must not change its meaning (RFC 7946 §7.1). */
const OUT_OF_PLACE: Record<string, string[]> = {
  FeatureCollection: ['properties', 'geometry', 'coordinates', 'geometries'],
  Feature: ['features', 'coordinates', 'geometries'],
  geometry: ['properties', 'geometry', 'features'],
};

/**
 * A feature found but not yet decoded (an item of a features array, as its UTF-8 bytes: valid only
 * until the next chunk is read, see ScanSink.feature), or one already built.
 */
export type PendingFeature = { index: number; offset: number; bytes: Buffer } | { index: number; offset: number; feature: RawFeature };

/** The JSON text of a pending feature's bytes. */
export function pendingText(p: { bytes: Buffer }): string {
  return p.bytes.toString('utf8');
}

/** The feature of a PendingFeature; throws ScanError / GeoJsonError when it is broken. */
export function materialise(p: PendingFeature): RawFeature {
  return 'feature' in p ? p.feature : toFeature(parseJson(pendingText(p), p.offset), p.index, p.offset);
}

export interface DocumentHooks {
  /** The root's `crs` member, as found. */
  crs(value: unknown, offset: number): void;
  /** Something the user should know that is not an error. */
  note(text: string): void;
  /** The next feature, in file order. */
  feature(pending: PendingFeature): void;
  /**
   * Optional: takes feature `index` straight from the chunk being scanned (see ScanSink.featureAt);
   * returns the index after it, or -1 to have it come through `feature`.
   */
  featureAt?(chunk: Buffer, start: number, index: number, offset: number): number;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

function typeError(type: unknown, what: string, expected: string): string {
  if (typeof type !== 'string') return `${what} has ${type === undefined ? 'no "type" member' : `a "type" that is ${describe(type)}, not a string`}`;
  const proper = ALL_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (proper && proper !== type) return `${what} has the type "${type}"; GeoJSON types are case-sensitive ("${proper}")`;
  return `${what} has the type "${type}", ${expected}`;
}

export class GeoJsonDocument implements ScanSink {
  private members = new Map<string, unknown>();
  private rootOffset = 0;
  private rootIndex = 0;
  private hasFeaturesArray = false;
  private rootFeatures = 0;
  private nextIndex = 0;

  constructor(private readonly hooks: DocumentHooks) {}

  /** Features produced so far. */
  get count(): number {
    return this.nextIndex;
  }

  rootStart(index: number, offset: number): void {
    this.members = new Map();
    this.rootOffset = offset;
    this.rootIndex = index;
    this.hasFeaturesArray = false;
    this.rootFeatures = 0;
  }

  private get rootName(): string {
    return this.rootIndex === 0 ? 'the root object' : `JSON text ${this.rootIndex + 1} of the sequence`;
  }

  member(key: string, value: unknown, offset: number): void {
    if (this.members.has(key)) throw new GeoJsonError(`${this.rootName} has two "${key}" members`, offset);
    this.members.set(key, value);
    if (key === 'type') this.checkRootType(value, offset);
    if (key === 'crs') this.hooks.crs(value, offset);
    if (key === 'features') throw new GeoJsonError(`the "features" member of ${this.rootName} is ${describe(value)}, not an array`, offset);
  }

  featuresArray(offset: number): void {
    if (this.members.has('features')) throw new GeoJsonError(`${this.rootName} has two "features" members`, offset);
    this.members.set('features', []);
    this.hasFeaturesArray = true;
  }

  featureAt(chunk: Buffer, start: number, offset: number): number {
    if (!this.hooks.featureAt) return -1;
    const type = this.members.get('type');
    if (type !== undefined && type !== 'FeatureCollection') return -1; // taken (and ignored) by feature()
    const end = this.hooks.featureAt(chunk, start, this.nextIndex, offset);
    if (end >= 0) {
      this.rootFeatures++;
      this.nextIndex++;
    }
    return end;
  }

  feature(bytes: Buffer, offset: number): void {
    const type = this.members.get('type');
    if (type !== undefined && type !== 'FeatureCollection') return; // out-of-place member, noted at the end
    this.rootFeatures++;
    this.hooks.feature({ index: this.nextIndex++, offset, bytes });
  }

  rootEnd(): void {
    const m = this.members;
    const type = m.get('type');
    if (!m.has('type')) throw new GeoJsonError(`${this.rootName} has no "type" member, so it is not GeoJSON`, this.rootOffset);
    if (type === 'FeatureCollection') {
      if (!this.hasFeaturesArray) throw new GeoJsonError(`${this.rootName} is a FeatureCollection without a "features" array`, this.rootOffset);
      this.noteOutOfPlace('FeatureCollection', OUT_OF_PLACE.FeatureCollection);
    } else if (type === 'Feature') {
      this.noteOutOfPlace('Feature', OUT_OF_PLACE.Feature);
      const obj: Record<string, unknown> = {};
      for (const k of ['type', 'id', 'properties', 'geometry']) if (m.has(k)) obj[k] = m.get(k);
      const index = this.nextIndex++;
      this.hooks.feature({ index, offset: this.rootOffset, feature: toFeature(obj, index, this.rootOffset) });
    } else {
      this.noteOutOfPlace(type as string, OUT_OF_PLACE.geometry);
      const geometry: Record<string, unknown> = {};
      for (const [k, v] of m) if (k !== 'crs' && !OUT_OF_PLACE.geometry.includes(k)) geometry[k] = v;
      const index = this.nextIndex++;
      this.hooks.feature({ index, offset: this.rootOffset, feature: { index, geometry: geometry as unknown as Geometry, properties: {} } });
    }
    this.checkBbox(m.get('bbox'));
  }

  private checkRootType(type: unknown, offset: number): void {
    if (type === 'FeatureCollection' || type === 'Feature' || GEOMETRY_TYPES.has(type as string)) {
      if (type !== 'FeatureCollection' && this.rootFeatures > 0) {
        throw new GeoJsonError(`${this.rootName} has features but its type is "${type}"`, offset);
      }
      return;
    }
    throw new GeoJsonError(typeError(type, this.rootName, 'which is not a GeoJSON type'), offset);
  }

  private noteOutOfPlace(type: string, keys: string[]): void {
    const found = keys.filter((k) => this.members.has(k));
    if (found.length) this.hooks.note(`Ignored the ${found.map((k) => `"${k}"`).join(', ')} member${found.length > 1 ? 's' : ''} of a ${type} (RFC 7946 §7.1).`);
  }

  private checkBbox(bbox: unknown): void {
    if (bbox === undefined) return;
    const ok = Array.isArray(bbox) && (bbox.length === 4 || bbox.length === 6) && bbox.every((v) => typeof v === 'number');
    if (!ok) this.hooks.note(`Ignored the "bbox" member of ${this.rootName}: it should be 4 or 6 numbers but is ${Array.isArray(bbox) ? `[${bbox.map(describe).join(', ')}]` : describe(bbox)}.`);
  }
}

/** One Feature object as found in a file, checked for structure; the geometry is not looked into. */
export function toFeature(value: unknown, index: number, offset: number): RawFeature {
  const where = `feature ${index}`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GeoJsonError(`${where} is ${describe(value)}, not a Feature object`, offset, index);
  }
  const f = value as Record<string, unknown>;
  if (f.type !== 'Feature') throw new GeoJsonError(typeError(f.type, where, 'not "Feature"'), offset, index);
  const raw = f.properties;
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new GeoJsonError(`${where} has "properties" that are ${describe(raw)}, not an object`, offset, index);
  }
  const properties = (raw ?? {}) as Record<string, unknown>;
  for (const k in properties) {
    const v = properties[k];
    if (v !== null && typeof v === 'object') properties[k] = JSON.stringify(v);
  }
  const id = f.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    throw new GeoJsonError(`${where} has an "id" that is ${describe(id)}; GeoJSON ids are strings or numbers`, offset, index);
  }
  // Like GDAL: a string id becomes the attribute "id"; a number id is a feature number and is not kept.
  if (typeof id === 'string' && !('id' in properties)) properties.id = id;
  const geometry = f.geometry === undefined ? null : (f.geometry as Geometry | null);
  return { index, geometry, properties: properties as RawFeature['properties'] };
}
