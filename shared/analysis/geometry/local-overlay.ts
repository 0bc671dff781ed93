import { OutlineBuilder } from './outline.ts';
import { convexContains, type PlanarMultiPolygon, type Shape } from './shapes.ts';
import { sweep, sweepArea, type SweepSource } from './slab-sweep.ts';

/**
 * One residential shape against the catchment pieces near it: the local overlay that replaces a global
 * union. Pieces are whatever a spatial index returned for the shape's box; the ones that do not
 * actually meet it cost a little sweep time and change nothing.
 */

function sources(shape: Shape, pieces: readonly Shape[]): SweepSource[] {
  const list: SweepSource[] = [{ rings: shape.rings, group: 0 }];
  for (const p of pieces) list.push({ rings: p.rings, group: 1 });
  return list;
}

/** True when one convex piece holds the whole shape (the common case, answered without a sweep). */
export function fullyCovered(shape: Shape, pieces: readonly Shape[]): boolean {
  for (const p of pieces) if (p.convex && convexContains(p, shape)) return true;
  return false;
}

/** Area (m²) of the shape inside the union of the pieces. */
export function coveredArea(shape: Shape, pieces: readonly Shape[]): number {
  if (pieces.length === 0) return 0;
  if (fullyCovered(shape, pieces)) return shape.area;
  return Math.min(shape.area, sweepArea(sources(shape, pieces), 'intersection', shape.bbox));
}

/** The parts of the shape outside the union of the pieces, with their area (m²). */
export function uncoveredParts(shape: Shape, pieces: readonly Shape[]): { area: number; polygons: PlanarMultiPolygon } {
  if (pieces.length > 0 && fullyCovered(shape, pieces)) return { area: 0, polygons: [] };
  const out = new OutlineBuilder();
  sweep(sources(shape, pieces), 'difference', shape.bbox, out.sink);
  const polygons = out.finish();
  return { area: out.area, polygons };
}

/** The union of the pieces inside `window` (all of it when the window holds them all). */
export function unionParts(pieces: readonly Shape[], window: [number, number, number, number]): PlanarMultiPolygon {
  const out = new OutlineBuilder();
  const frame = new Float64Array([window[0], window[1], window[2], window[1], window[2], window[3], window[0], window[3]]);
  const list: SweepSource[] = [{ rings: [frame], group: 0 }];
  for (const p of pieces) list.push({ rings: p.rings, group: 1 });
  sweep(list, 'intersection', window, out.sink);
  return out.finish();
}

/** A point inside the shape: the middle of the widest run across its middle row (for district lookup). */
export function interiorPoint(shape: Shape): [number, number] {
  const y = (shape.bbox[1] + shape.bbox[3]) / 2;
  const xs: number[] = [];
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      if (r[i + 1] > y !== r[j + 1] > y) xs.push(r[i] + ((y - r[i + 1]) * (r[j] - r[i])) / (r[j + 1] - r[i + 1]));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [shape.rings[0][0], shape.rings[0][1]];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) { width = xs[i + 1] - xs[i]; best = [(xs[i] + xs[i + 1]) / 2, y]; }
  }
  return best;
}
