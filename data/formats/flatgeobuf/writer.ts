import fs from 'node:fs';
import type { Geometry } from 'geojson';
import { generic, type ColumnMeta, type HeaderMeta } from 'flatgeobuf';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { buildFeature, type IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { createTransform, isIdentity, transformGeometry } from '../../../shared/crs/transform.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';
import { envelopeOf } from '../../gpkg/geometry-blob.ts';
import { writeAtomically } from '../../project/atomic-file.ts';
import { layerFiles } from '../csv/layer-files.ts';
import type { ExportLayer, FormatWriter, WriteOptions } from '../types.ts';
import { fieldKind } from '../gpkg/field-types.ts';
import { columnType } from './fgb-columns.ts';
import { buildHeader } from './fgb-header.ts';

const { ColumnType, GeometryType } = generic;
const INT32 = 2 ** 31;

type Row = { geometry: Geometry; properties: Record<string, unknown> };

function cellValue(v: unknown, type: ColumnMeta['type']): IProperties[string] {
  if (v === null || v === undefined) return null;
  switch (type) {
    case ColumnType.Int:
    case ColumnType.Long:
    case ColumnType.Double: {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n)) return null;
      return type === ColumnType.Double ? n : Number.isInteger(n) ? n : null;
    }
    case ColumnType.Bool:
      return v === true || v === 1 || v === '1' || v === 'true';
    default:
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

function columnsOf(layer: ExportLayer, rows: readonly Row[]): ColumnMeta[] {
  return layer.fields.map((f) => {
    const wide = fieldKind(f.type) === 'INTEGER' && rows.some((r) => Math.abs(Number(r.properties[f.key])) >= INT32 - 1);
    return { name: f.key, type: columnType(f.type, wide), title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false };
  });
}

function headerCrs(crs: CrsDef | undefined, notes: string[], layer: string): { code: number; wkt: string | null } | null {
  if (!crs) return { code: 4326, wkt: null };
  const code = Number(/^EPSG:(\d+)$/.exec(crs.id)?.[1] ?? 0);
  if (!code && !crs.prjWkt) {
    notes.push(`${layer}: FlatGeobuf cannot record ${crs.name}; the file carries no coordinate system`);
    return null;
  }
  return { code, wkt: crs.prjWkt ?? null };
}

function envelope(rows: readonly Row[]): [number, number, number, number] | null {
  let e: [number, number, number, number] | null = null;
  for (const r of rows) {
    const g = envelopeOf(r.geometry); // [minX, maxX, minY, maxY]
    if (g) e = e ? [Math.min(e[0], g[0]), Math.min(e[1], g[2]), Math.max(e[2], g[1]), Math.max(e[3], g[3])] : [g[0], g[2], g[1], g[3]];
  }
  return e;
}

function writeLayer(layer: ExportLayer, file: string, opts: WriteOptions, notes: string[]): void {
  const project = opts.crs && !isIdentity(opts.crs) ? createTransform(opts.crs).fromWgs84 : null;
  const rows: Row[] = [];
  let skipped = 0;
  for (const f of layer.features) {
    if (!f.geometry) skipped++;
    else rows.push({ geometry: project ? transformGeometry(f.geometry, project) : f.geometry, properties: f.properties });
  }
  // GDAL does not write features without geometry to FlatGeobuf either.
  if (skipped) notes.push(`${layer.name}: ${skipped} feature(s) without geometry were left out (FlatGeobuf as GDAL writes it keeps only features with a geometry)`);
  const columns = columnsOf(layer, rows);
  const kinds = new Set(rows.map((r) => r.geometry.type));
  const geometryType = kinds.size === 1 ? GeometryType[[...kinds][0]] : GeometryType.Unknown;
  const header = buildHeader({ name: layer.name, geometryType, columns, featuresCount: rows.length, envelope: envelope(rows), crs: headerCrs(opts.crs, notes, layer.name) });
  const meta: HeaderMeta = { geometryType, columns, envelope: null, featuresCount: rows.length, indexNodeSize: 0, crs: null, title: null, description: null, metadata: null };
  writeAtomically(file, (tmp) => {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, magicbytes);
      fs.writeSync(fd, header);
      for (const r of rows) {
        const props: IProperties = {};
        for (const c of columns) props[c.name] = cellValue(r.properties[c.name], c.type);
        const g = r.geometry.type === 'GeometryCollection' ? parseGC(r.geometry) : parseGeometry(r.geometry);
        fs.writeSync(fd, buildFeature(g, props, meta));
      }
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** Writes each layer as a FlatGeobuf file (no spatial index), in `opts.crs` or WGS84, with its EPSG code and WKT. */
export const flatgeobufWriter: FormatWriter = {
  id: 'flatgeobuf',
  name: { zh: 'FlatGeobuf', en: 'FlatGeobuf' },
  extension: '.fgb',
  async write(layers, outPath, opts) {
    const files = layerFiles(layers, outPath);
    const notes: string[] = [];
    layers.forEach((layer, i) => writeLayer(layer, files[i], opts, notes));
    return { files, notes };
  },
};
