import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { GridIndex } from './geometry/grid-index.ts';
import { unionParts } from './geometry/local-overlay.ts';
import { toGeoJSON, type BBox, type PlanarMultiPolygon } from './geometry/shapes.ts';
import type { Catchment, CatchmentPiece } from './catchment.ts';
import { progressReporter, type RunControl } from './run-control.ts';

export interface CatchmentPolygonOptions extends RunControl {
  /** One feature for all facilities together (default), or one per facility. */
  by?: 'all' | 'facility';
  /** The union for all is built tile by tile, tiles this wide (m); default 1000. */
  tileSize?: number;
}

function boxOf(pieces: readonly CatchmentPiece[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pieces) {
    b[0] = Math.min(b[0], p.bbox[0]); b[1] = Math.min(b[1], p.bbox[1]);
    b[2] = Math.max(b[2], p.bbox[2]); b[3] = Math.max(b[3], p.bbox[3]);
  }
  return b;
}

/**
 * The catchment as polygons for the map and for export, in degrees. For all facilities together the
 * pieces are dissolved tile by tile (each tile a slab sweep over the pieces that meet it), so the cost
 * grows with the area and not with the square of the number of buffers; the result is one MultiPolygon
 * whose parts meet edge to edge at tile borders (invisible when filled). Per facility, each facility's
 * own pieces are dissolved; features carry `facility` (the input index, null for a combined walk).
 */
export function catchmentPolygons(catchment: Catchment, options: CatchmentPolygonOptions = {}): FeatureCollection<MultiPolygon, { facility: number | null }> {
  if (!catchment?.plane || !Array.isArray(catchment.pieces)) throw new TypeError('catchmentPolygons: catchment must come from catchmentStraight or catchmentNetwork');
  const tile = options.tileSize ?? 1000;
  if (!(tile > 0)) throw new RangeError(`catchmentPolygons: tileSize must be > 0 metres, got ${tile}`);
  const features: Feature<MultiPolygon, { facility: number | null }>[] = [];
  const pieces = catchment.pieces;
  if (options.by === 'facility') {
    const groups = new Map<number, CatchmentPiece[]>();
    for (const p of pieces) groups.set(p.facility, [...(groups.get(p.facility) ?? []), p]);
    const step = progressReporter(options, groups.size);
    let done = 0;
    for (const [facility, list] of [...groups].sort((a, b) => a[0] - b[0])) {
      step(done++);
      const polys = unionParts(list, boxOf(list));
      features.push({ type: 'Feature', properties: { facility: facility < 0 ? null : facility }, geometry: toGeoJSON(polys, catchment.plane) });
    }
    step(groups.size);
    return { type: 'FeatureCollection', features };
  }
  const all: PlanarMultiPolygon = [];
  if (pieces.length > 0) {
    const box = boxOf(pieces);
    const index = new GridIndex(pieces.map((p) => p.bbox), tile);
    const cols = Math.ceil((box[2] - box[0]) / tile) || 1;
    const rows = Math.ceil((box[3] - box[1]) / tile) || 1;
    const step = progressReporter(options, cols * rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        step(r * cols + c);
        const win: BBox = [box[0] + c * tile, box[1] + r * tile, Math.min(box[2], box[0] + (c + 1) * tile), Math.min(box[3], box[1] + (r + 1) * tile)];
        const near = index.search(win[0], win[1], win[2], win[3]).map((i) => pieces[i]);
        if (near.length) all.push(...unionParts(near, win));
      }
    }
    step(cols * rows);
  }
  features.push({ type: 'Feature', properties: { facility: null }, geometry: toGeoJSON(all, catchment.plane) });
  return { type: 'FeatureCollection', features };
}
