import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';

/** How far beside an edge its two sides are probed (m): small enough for any gap a planner would see. */
const PROBE = 0.2;
const M_PER_DEG = 111_320;

interface Part {
  rings: Position[][];
  box: [number, number, number, number];
}

function partsOf(fc: FeatureCollection): Part[] {
  const parts: Part[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polys) {
      if (!rings[0]?.length) continue;
      const box: Part['box'] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of rings[0]) {
        box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
      }
      parts.push({ rings, box });
    }
  }
  return parts;
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function covered(x: number, y: number, part: Part): boolean {
  return x >= part.box[0] && x <= part.box[2] && y >= part.box[1] && y <= part.box[3] && inRing(x, y, part.rings[0]) && !part.rings.slice(1).some((hole) => inRing(x, y, hole));
}

/**
 * True when the edge a→b of one part has another part on its far side: an edge between two parts,
 * not the outline. Its own side is the part's own; `others` are the parts whose box holds the edge.
 */
function inner(a: Position, b: Position, others: readonly Part[]): boolean {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const kx = Math.cos((my * Math.PI) / 180) * M_PER_DEG;
  const dx = (b[0] - a[0]) * kx;
  const dy = (b[1] - a[1]) * M_PER_DEG;
  const len = Math.hypot(dx, dy);
  if (len === 0) return true;
  const ox = (-dy / len) * (PROBE / kx);
  const oy = (dx / len) * (PROBE / M_PER_DEG);
  return others.some((p) => covered(mx + ox, my + oy, p) || covered(mx - ox, my - oy, p));
}

/** Parts other than `self` whose box (grown by about a metre) holds the point. */
function neighbours(x: number, y: number, self: Part, parts: readonly Part[]): Part[] {
  const e = 1e-5;
  return parts.filter((p) => p !== self && x >= p.box[0] - e && x <= p.box[2] + e && y >= p.box[1] - e && y <= p.box[3] + e);
}

/**
 * The outline of a drawn catchment. catchmentPolygons dissolves the catchment tile by tile, so its parts
 * meet edge to edge at tile borders: stroking the polygons would draw that grid inside the catchment.
 * This keeps only the edges with uncovered ground on one side, joined into runs along each ring.
 */
export function catchmentOutline(fc: FeatureCollection): FeatureCollection<MultiLineString> {
  const parts = partsOf(fc);
  const lines: Position[][] = [];
  for (const part of parts) {
    for (const ring of part.rings) {
      let run: Position[] = [];
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1], ring[i]];
        const others = neighbours((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, part, parts);
        if (others.length > 0 && inner(a, b, others)) {
          if (run.length > 1) lines.push(run);
          run = [];
          continue;
        }
        if (run.length === 0) run.push(ring[i - 1]);
        run.push(ring[i]);
      }
      if (run.length > 1) lines.push(run);
    }
  }
  const feature: Feature<MultiLineString> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } };
  return { type: 'FeatureCollection', features: lines.length ? [feature] : [] };
}
