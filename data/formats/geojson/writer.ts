import fs from 'node:fs';
import path from 'node:path';
import type { Geometry, Position } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { CrsDef, XY } from '../../../shared/crs/types.ts';
import { createTransform } from '../../../shared/crs/transform.ts';
import type { ExportLayer, FormatWriter, WriteOptions } from '../types.ts';

/** Text is written to the file in pieces of about this many characters. */
const FLUSH_CHARS = 1 << 20;

interface Target {
  /** WGS84 lon/lat → target x/y, or null for WGS84 output. */
  project: ((lonLat: XY) => XY) | null;
  /** Multiplier for rounding x/y: 1e7 (1e-7 degrees) or 1e3 (1 mm). */
  scale: number;
  /** The `crs` member, or null. */
  crsMember: string | null;
  notes: string[];
}

function targetOf(crs: CrsDef | undefined): Target {
  if (!crs || crs.id === 'EPSG:4326') return { project: null, scale: 1e7, crsMember: null, notes: [] };
  const { fromWgs84 } = createTransform(crs);
  const code = /^EPSG:(\d+)$/.exec(crs.id)?.[1];
  const notes = code
    ? []
    : [`${crs.name} has no EPSG code, so the file carries no "crs" member: tell whoever receives it that the coordinates are in ${crs.name}, not WGS84.`];
  return {
    project: fromWgs84,
    scale: crs.geographic ? 1e7 : 1e3,
    crsMember: code ? `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${code}"}}` : null,
    notes,
  };
}

function roundTo(v: number, scale: number): string {
  const r = Math.round(v * scale) / scale;
  return Object.is(r, -0) ? '0' : String(r);
}

function positionJson(p: Position, t: Target): string {
  let x = p[0];
  let y = p[1];
  if (t.project) [x, y] = t.project([x, y]);
  const z = p.length > 2 && Number.isFinite(p[2]) ? `,${roundTo(p[2], 1e3)}` : '';
  return `[${roundTo(x, t.scale)},${roundTo(y, t.scale)}${z}]`;
}

function listJson<T>(items: readonly T[], each: (item: T) => string): string {
  return `[${items.map(each).join(',')}]`;
}

function geometryJson(g: Geometry | null, t: Target): string {
  if (!g) return 'null';
  const pos = (p: Position): string => positionJson(p, t);
  const line = (l: Position[]): string => listJson(l, pos);
  const poly = (rings: Position[][]): string => listJson(rings, line);
  switch (g.type) {
    case 'Point':
      return `{"type":"Point","coordinates":${g.coordinates.length ? pos(g.coordinates) : '[]'}}`;
    case 'MultiPoint':
    case 'LineString':
      return `{"type":"${g.type}","coordinates":${line(g.coordinates)}}`;
    case 'MultiLineString':
    case 'Polygon':
      return `{"type":"${g.type}","coordinates":${poly(g.coordinates)}}`;
    case 'MultiPolygon':
      return `{"type":"MultiPolygon","coordinates":${listJson(g.coordinates, poly)}}`;
    case 'GeometryCollection':
      return `{"type":"GeometryCollection","geometries":${listJson(g.geometries, (m) => geometryJson(m, t))}}`;
  }
}

/** A property value as JSON; `real` writes whole numbers of REAL fields as `12.0`, as GDAL does. */
function valueJson(v: unknown, real: boolean): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) return 'null';
      return real && Number.isInteger(v) && Math.abs(v) < 1e15 ? `${v}.0` : String(v);
    case 'bigint':
      return Number.isSafeInteger(Number(v)) ? String(v) : JSON.stringify(String(v));
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'object':
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'null' : JSON.stringify(v.toISOString());
      if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
      return JSON.stringify(v) ?? 'null';
    default:
      return 'null';
  }
}

function featureJson(
  f: { geometry: Geometry | null; properties: Record<string, unknown> },
  keys: { key: string; real: boolean }[] | null,
  t: Target,
): string {
  const props = f.properties ?? {};
  const entries = keys ?? Object.keys(props).map((key) => ({ key, real: false }));
  const body = entries.map(({ key, real }) => `${JSON.stringify(key)}:${valueJson(props[key], real)}`).join(',');
  return `{"type":"Feature","properties":{${body}},"geometry":${geometryJson(f.geometry, t)}}`;
}

/**
 * GeoJSON out: one FeatureCollection per file (only the first layer when given several — the caller
 * writes one file per layer — with a note saying so). RFC 7946 (WGS84 lon/lat, no `crs` member) unless
 * `opts.crs` names another CRS: then coordinates are converted with `createTransform(crs).fromWgs84`
 * and a `crs` member names it as ogr2ogr does (`urn:ogc:def:crs:EPSG::4549`). Coordinates are rounded
 * to 1e-7 degrees or 1 mm. Properties follow the layer's field order (all of a feature's properties
 * when the layer lists no fields). The file is streamed to a temporary file beside `outPath` and
 * renamed into place, so a failure leaves no half-written file.
 */
export const geojsonWriter: FormatWriter = {
  id: 'geojson',
  name: { zh: 'GeoJSON', en: 'GeoJSON' },
  extension: '.geojson',

  async write(layers: ExportLayer[], outPath: string, opts: WriteOptions) {
    const layer = layers[0];
    if (!layer) throw new AtlasError('invalid_argument', 'There is no layer to write to GeoJSON');
    const target = targetOf(opts.crs);
    const notes = [...target.notes];
    if (layers.length > 1) {
      const others = layers.slice(1).map((l) => `"${l.name}"`).join(', ');
      notes.push(`A GeoJSON file holds one layer: wrote "${layer.name}" to ${path.basename(outPath)}; ${others} must go to files of their own.`);
    }
    const keys = layer.fields.length ? layer.fields.map((f) => ({ key: f.key, real: /^(REAL|DOUBLE|FLOAT)/i.test(f.type) })) : null;

    const tmp = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    let handle: fs.promises.FileHandle | null = null;
    try {
      handle = await fs.promises.open(tmp, 'wx');
      let buf = `{\n"type":"FeatureCollection",\n"name":${JSON.stringify(layer.name)},\n`;
      if (target.crsMember) buf += `"crs":${target.crsMember},\n`;
      buf += '"features":[\n';
      let first = true;
      for (const f of layer.features) {
        buf += (first ? '' : ',\n') + featureJson(f, keys, target);
        first = false;
        if (buf.length >= FLUSH_CHARS) {
          await handle.write(buf);
          buf = '';
        }
      }
      buf += '\n]\n}\n';
      await handle.write(buf);
      await handle.sync();
      await handle.close();
      handle = null;
      await fs.promises.rename(tmp, outPath);
    } catch (err) {
      if (handle) await handle.close().catch(() => undefined);
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      if (err instanceof AtlasError) throw err;
      throw new AtlasError('io_error', `Cannot write ${path.basename(outPath)}: ${(err as Error).message}`, { file: outPath });
    }
    return { files: [outPath], notes };
  },
};
