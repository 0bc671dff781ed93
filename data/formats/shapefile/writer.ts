import fs from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import type { Geometry } from 'geojson';
import { resolveCrs } from '../../../shared/crs/resolve.ts';
import { createTransform, transformGeometry } from '../../../shared/crs/transform.ts';
import type { CrsTransform } from '../../../shared/crs/types.ts';
import { writeAtomically } from '../../project/atomic-file.ts';
import type { ExportLayer, FormatWriter, WriteOptions } from '../types.ts';
import { encodeDbf, planColumns } from './dbf-writer.ts';
import { encodeShapes, groupOf, type ShapeGroup } from './shp-writer.ts';

type Row = Record<string, unknown>;
interface Part {
  geometries: (Geometry | null)[];
  rows: Row[];
}

/** Simple geometries of a feature: collections are taken apart (each piece keeps the feature's attributes). */
function pieces(g: Geometry): Exclude<Geometry, { type: 'GeometryCollection' }>[] {
  return g.type === 'GeometryCollection' ? g.geometries.flatMap(pieces) : [g];
}

/**
 * A layer's features split by geometry family, in the order the families first appear, reprojected
 * when `transform` is given. Features without geometry go with the first family (or make a file of
 * null shapes when the layer has no geometry at all).
 */
function splitByGroup(layer: ExportLayer, transform: CrsTransform | null, notes: string[]): Map<ShapeGroup, Part> {
  const order: { group: ShapeGroup | null; geometry: Geometry | null; row: Row }[] = [];
  let collections = 0;
  for (const f of layer.features) {
    if (!f.geometry) {
      order.push({ group: null, geometry: null, row: f.properties });
      continue;
    }
    const g = transform ? transformGeometry(f.geometry, transform.fromWgs84) : f.geometry;
    if (g.type === 'GeometryCollection') collections++;
    for (const piece of pieces(g)) order.push({ group: groupOf(piece), geometry: piece, row: f.properties });
  }
  if (collections) notes.push(`${layer.name}: ${collections} geometry collections were split into their parts, each with the feature's attributes`);
  const parts = new Map<ShapeGroup, Part>();
  const fallback: ShapeGroup = order.find((o) => o.group)?.group ?? 'none';
  for (const { group, geometry, row } of order) {
    const key = group ?? fallback;
    const part = parts.get(key) ?? { geometries: [], rows: [] };
    part.geometries.push(geometry);
    part.rows.push(row);
    parts.set(key, part);
  }
  if (parts.size === 0) parts.set('none', { geometries: [], rows: [] });
  return parts;
}

/** A file name from a layer name: no path separators or characters Windows refuses, unique regardless of case. */
function fileBase(name: string, used: Set<string>): string {
  const clean = name.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim() || 'layer';
  let base = clean;
  for (let n = 2; used.has(base.toLowerCase()); n++) base = `${clean}_${n}`;
  used.add(base.toLowerCase());
  return base;
}

/** The .prj text: the target CRS's ESRI WKT, WGS84's when there is no target; null when the CRS has none. */
function prjText(opts: WriteOptions): string | null {
  if (!opts.crs) return resolveCrs('EPSG:4326').prjWkt ?? null;
  return opts.crs.prjWkt ?? null;
}

/**
 * Writes layers as shapefiles in one .zip: per layer one shapefile per geometry family present
 * (`<layer>_point`, `<layer>_line`, `<layer>_polygon` when there are several), each with .shp, .shx,
 * .dbf (UTF-8), .cpg ('UTF-8') and .prj. Coordinates are converted to `opts.crs` when given.
 * The archive is built in memory (about the size of the output) and renamed into place.
 */
export const shapefileWriter: FormatWriter = {
  id: 'shapefile',
  name: { zh: 'Shapefile 文件（.zip）', en: 'Shapefile (.zip)' },
  extension: '.zip',

  async write(layers, outPath, opts) {
    const notes: string[] = [];
    const transform = opts.crs ? createTransform(opts.crs) : null;
    const prj = prjText(opts);
    if (!prj) notes.push(`No .prj was written: ${opts.crs?.name} has no standard projection file, so tell whoever receives the data which coordinate system it is in`);
    const files: Zippable = {};
    const used = new Set<string>();
    for (const layer of layers) {
      const parts = splitByGroup(layer, transform, notes);
      for (const [group, part] of parts) {
        const base = fileBase(parts.size > 1 ? `${layer.name}_${group}` : layer.name, used);
        const { shp, shx } = encodeShapes(group, part.geometries);
        const columns = planColumns(layer.fields, part.rows, `${base}.dbf`, notes);
        files[`${base}.shp`] = shp;
        files[`${base}.shx`] = shx;
        files[`${base}.dbf`] = encodeDbf(columns, part.rows);
        files[`${base}.cpg`] = Buffer.from('UTF-8');
        if (prj) files[`${base}.prj`] = Buffer.from(prj);
      }
    }
    writeAtomically(outPath, (tmp) => fs.writeFileSync(tmp, zipSync(files)));
    return { files: [outPath], notes };
  },
};
