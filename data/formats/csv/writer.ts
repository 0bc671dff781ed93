import fs from 'node:fs';
import type { Geometry } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import { createTransform, isIdentity, transformGeometry } from '../../../shared/crs/transform.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';
import { writeAtomically } from '../../project/atomic-file.ts';
import type { ExportLayer, FormatWriter, WriteOptions } from '../types.ts';
import { layerFiles } from './layer-files.ts';
import { toWkt } from './wkt.ts';

const BOM = '\uFEFF';
const EOL = '\r\n';
const FLUSH_CHARS = 1 << 20;

/** A cell quoted when it holds a comma, quote, line break or edge spaces (RFC 4180). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function geometryColumns(mode: 'wkt' | 'lonlat', crs: CrsDef | undefined): string[] {
  if (mode === 'wkt') return ['WKT'];
  return crs && !crs.geographic ? ['x', 'y'] : ['lon', 'lat'];
}

function geometryCells(g: Geometry | null, mode: 'wkt' | 'lonlat', layer: string): string[] {
  if (mode === 'wkt') return [g ? cell(toWkt(g)) : ''];
  if (!g) return ['', ''];
  if (g.type !== 'Point') {
    throw new AtlasError(
      'invalid_argument',
      `${layer}: longitude/latitude columns can hold points only, but this layer has ${g.type} geometries; export with a WKT geometry column instead`,
      { layer },
    );
  }
  return [String(g.coordinates[0]), String(g.coordinates[1])];
}

function writeLayer(layer: ExportLayer, file: string, opts: WriteOptions, notes: string[]): void {
  const mode = opts.csvGeometry ?? 'wkt';
  const geomCols = geometryColumns(mode, opts.crs);
  const taken = new Set(geomCols.map((c) => c.toLowerCase()));
  const fields = layer.fields.filter((f) => !taken.has(f.key.toLowerCase()));
  if (fields.length < layer.fields.length) {
    notes.push(`${layer.name}: the attribute column(s) ${layer.fields.filter((f) => !fields.includes(f)).map((f) => f.key).join(', ')} were replaced by the geometry column(s) of the same name`);
  }
  const project = opts.crs && !isIdentity(opts.crs) ? createTransform(opts.crs).fromWgs84 : null;
  writeAtomically(file, (tmp) => {
    const fd = fs.openSync(tmp, 'w');
    try {
      let buf = BOM + [...geomCols, ...fields.map((f) => f.key)].map(cell).join(',') + EOL;
      for (const f of layer.features) {
        const g = f.geometry && project ? transformGeometry(f.geometry, project) : f.geometry;
        buf += [...geometryCells(g, mode, layer.name), ...fields.map((c) => cell(f.properties[c.key]))].join(',') + EOL;
        if (buf.length >= FLUSH_CHARS) {
          fs.writeSync(fd, buf);
          buf = '';
        }
      }
      fs.writeSync(fd, buf);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/**
 * Writes each layer as a CSV: UTF-8 with BOM (so Excel shows Chinese), CRLF, geometry as a WKT
 * column (default) or as lon/lat (x/y when projected) columns for point layers, in `opts.crs` if given.
 */
export const csvWriter: FormatWriter = {
  id: 'csv',
  name: { zh: 'CSV 表格', en: 'CSV table' },
  extension: '.csv',
  async write(layers, outPath, opts) {
    const files = layerFiles(layers, outPath);
    const notes: string[] = [];
    layers.forEach((layer, i) => writeLayer(layer, files[i], opts, notes));
    if (opts.crs && !isIdentity(opts.crs)) notes.push(`Coordinates are in ${opts.crs.id} (${opts.crs.name})`);
    return { files, notes };
  },
};
