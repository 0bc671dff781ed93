import type { Feature, Polygon, Position } from 'geojson';
import { booleanIntersects, polygon } from '@turf/turf';
import { distanceM, latDeg, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, rectRing } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CENTRE, type Box } from './landmarks.ts';
import type { RoadGrid } from './roads.ts';

/** A buildable rectangle of land inside a street block, clear of roads and of every obstacle. */
export interface Lot {
  box: Box;
  centre: Position;
  /** Distance from the city centre, km. */
  distKm: number;
  areaM2: number;
}

/** What each lot is used for. Every lot is used at most once, so features built on lots never overlap. */
export interface LotPlan {
  residential: Lot[];
  parcels: Lot[];
  cityParks: Lot[];
  communityParks: Lot[];
  pocketParks: Lot[];
  facilities: Lot[];
  /** Lots left over (open land), nearest the centre first. */
  spare: Lot[];
}

// Set-backs from the road centre line and between lots of one block, metres.
const ROAD_SETBACK = 25;
const LOT_GAP = 12;
const TARGET_LOT_SIZE = 420;

function boxOfRing(ring: Position[]): Box {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}

const boxesOverlap = (a: Box, b: Box) => a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

/**
 * Cuts the land between the grid's lines into lots about 400 m across (blocks in the centre are smaller
 * and stay whole), sets them back from the roads, and drops every lot that touches an obstacle (water,
 * its banks, the lake, historic districts, riverside parks).
 */
export function buildLots(grid: RoadGrid, obstacles: Position[][][], rng: Random): Lot[] {
  const blockers = obstacles.map((rings) => ({ box: boxOfRing(rings[0]), feature: polygon(rings) as Feature<Polygon> }));
  const lots: Lot[] = [];
  const blocked = (box: Box) => {
    const lotFeature = polygon([rectRing(box.west, box.south, box.east, box.north)]);
    return blockers.some((o) => boxesOverlap(box, o.box) && booleanIntersects(lotFeature, o.feature));
  };
  // A lot that touches an obstacle is quartered (twice at most) and the clear quarters kept, so that land
  // along the canals and inside the old town is not lost.
  const place = (box: Box, depth: number): void => {
    const w = (box.east - box.west) * M_PER_DEG_LON;
    const h = (box.north - box.south) * M_PER_DEG_LAT;
    if (w < 80 || h < 80) return;
    if (!blocked(box)) {
      const centre: Position = [(box.west + box.east) / 2, (box.south + box.north) / 2];
      lots.push({ box, centre, distKm: distanceM(centre, CENTRE) / 1000, areaM2: w * h });
      return;
    }
    if (depth === 2) return;
    const midX = (box.west + box.east) / 2;
    const midY = (box.south + box.north) / 2;
    const gx = lonDeg(LOT_GAP / 2);
    const gy = latDeg(LOT_GAP / 2);
    place({ west: box.west, south: box.south, east: midX - gx, north: midY - gy }, depth + 1);
    place({ west: midX + gx, south: box.south, east: box.east, north: midY - gy }, depth + 1);
    place({ west: box.west, south: midY + gy, east: midX - gx, north: box.north }, depth + 1);
    place({ west: midX + gx, south: midY + gy, east: box.east, north: box.north }, depth + 1);
  };
  const { xs, ys } = grid;
  for (let j = 0; j < ys.length - 1; j++) {
    for (let i = 0; i < xs.length - 1; i++) {
      const nx = Math.max(1, Math.round(((xs[i + 1] - xs[i]) * M_PER_DEG_LON) / TARGET_LOT_SIZE));
      const ny = Math.max(1, Math.round(((ys[j + 1] - ys[j]) * M_PER_DEG_LAT) / TARGET_LOT_SIZE));
      const dx = (xs[i + 1] - xs[i]) / nx;
      const dy = (ys[j + 1] - ys[j]) / ny;
      for (let b = 0; b < ny; b++) {
        for (let a = 0; a < nx; a++) {
          // Set back further where the edge is a road than where it only divides the block.
          const inset = (isRoad: boolean) => (isRoad ? ROAD_SETBACK : LOT_GAP / 2) + rng.range(0, 20);
          const box: Box = {
            west: xs[i] + a * dx + lonDeg(inset(a === 0)),
            east: xs[i] + (a + 1) * dx - lonDeg(inset(a === nx - 1)),
            south: ys[j] + b * dy + latDeg(inset(b === 0)),
            north: ys[j] + (b + 1) * dy - latDeg(inset(b === ny - 1)),
          };
          place(box, 0);
        }
      }
    }
  }
  return lots;
}

/** How many lots of each use the demo lays out. */
export const LOT_COUNTS = { residential: 120, parcels: 90, cityParks: 3, communityParks: 9, pocketParks: 12, facilities: 20 };

/**
 * Hands out lots, denser towards the centre: each lot's distance is scaled by a random factor so that
 * uses mix instead of forming rings. City parks take the largest lots a few km out, spread apart.
 */
export function allocateLots(lots: Lot[], rng: Random): LotPlan {
  const ranked = lots
    .map((lot, i) => ({ lot, score: lot.distKm * rng.range(0.6, 1.4), i }))
    .sort((p, q) => p.score - q.score || p.i - q.i)
    .map((r) => r.lot);
  const cityParks: Lot[] = [];
  const bySize = ranked.filter((l) => l.distKm > 1.5 && l.distKm < 6).sort((p, q) => q.areaM2 - p.areaM2);
  for (const lot of bySize) {
    if (cityParks.length === LOT_COUNTS.cityParks) break;
    if (cityParks.every((c) => distanceM(c.centre, lot.centre) > 2500)) cityParks.push(lot);
  }
  const rest = ranked.filter((l) => !cityParks.includes(l));
  const roles = rng.shuffle([
    ...Array<keyof LotPlan>(LOT_COUNTS.residential).fill('residential'),
    ...Array<keyof LotPlan>(LOT_COUNTS.parcels).fill('parcels'),
    ...Array<keyof LotPlan>(LOT_COUNTS.communityParks).fill('communityParks'),
    ...Array<keyof LotPlan>(LOT_COUNTS.pocketParks).fill('pocketParks'),
    ...Array<keyof LotPlan>(LOT_COUNTS.facilities).fill('facilities'),
  ]);
  if (rest.length < roles.length) throw new Error(`Only ${rest.length} lots for ${roles.length} uses`);
  const plan: LotPlan = { residential: [], parcels: [], cityParks, communityParks: [], pocketParks: [], facilities: [], spare: [] };
  rest.forEach((lot, k) => plan[k < roles.length ? roles[k] : 'spare'].push(lot));
  return plan;
}
