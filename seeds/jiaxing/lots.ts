import type { Feature, Polygon, Position } from 'geojson';
import { booleanIntersects, polygon } from '@turf/turf';
import { distanceM, latDeg, lonDeg, M_PER_DEG_LAT, M_PER_DEG_LON, rectRing, round6 } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CENTRE, LAKE_BOX, type Box } from './landmarks.ts';
import type { Block, RoadClass } from './roads.ts';

/** A buildable rectangle of land inside a street block, clear of roads and of every obstacle. */
export interface Lot {
  box: Box;
  /** The rectangle between the street or lane lines around the lot (the lot is set back inside it). */
  cell: Box;
  /** What runs along each side of the cell: a street of the grid by its class, or a lane between lots. */
  sides: Sides;
  centre: Position;
  /** Distance from the city centre, km. */
  distKm: number;
  areaM2: number;
}

/** A street of the grid (by class) or 巷, a lane between lots. */
export type Frontage = Exclude<RoadClass, '步行道'> | '巷';

export interface Sides {
  west: Frontage;
  south: Frontage;
  east: Frontage;
  north: Frontage;
}

/** A lane along a straight line between two streets: 'x' runs north–south at longitude `pos`, 'y' east–west. */
export interface Lane {
  axis: 'x' | 'y';
  pos: number;
  from: number;
  to: number;
  /** The lots the lane serves (those of its block, or of the lot it splits); the caller keeps the lanes of lots it builds on. */
  lots?: Lot[];
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

// Set-backs from the centre line of the street beside a lot, metres: the least, and the most added at random.
const SETBACK: Record<Frontage, readonly [number, number]> = { 主干路: [25, 20], 次干路: [15, 15], 支路: [10, 10], 巷: [6, 10] };
// Gap between the parts of a lot split round an obstacle (a lane runs there).
const LOT_GAP = 12;
const TARGET_LOT_SIZE = 420;

function boxOfRing(ring: Position[]): Box {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}

const boxesOverlap = (a: Box, b: Box) => a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

/**
 * Cuts the blocks into lots about 400 m across (blocks in the centre are smaller and stay whole), sets
 * them back from the roads, and drops every lot that touches an obstacle (water, its banks, the lake,
 * historic districts, riverside parks); a lot touching one is quartered and its clear quarters kept.
 * Lanes run between the lots of a block and between the quarters of a lot, from street to street (the
 * caller keeps those of the lots it builds on), so every lot fronts a street or a lane on each side,
 * set back by the street's class (an estate's fence is nearer a lane than an arterial).
 */
export function buildLots(blocks: Block[], obstacles: Position[][][], rng: Random): { lots: Lot[]; lanes: Lane[] } {
  const blockers = obstacles.map((rings) => ({ box: boxOfRing(rings[0]), feature: polygon(rings) as Feature<Polygon> }));
  const lots: Lot[] = [];
  const lanes: Lane[] = [];
  const blocked = (box: Box) => {
    const lotFeature = polygon([rectRing(box.west, box.south, box.east, box.north)]);
    return blockers.some((o) => boxesOverlap(box, o.box) && booleanIntersects(lotFeature, o.feature));
  };
  // A lot that touches an obstacle is quartered (twice at most) and the clear quarters kept, so that land
  // along the canals and inside the old town is not lost; lanes run along the cuts.
  const place = (box: Box, cell: Box, sides: Sides, depth: number): void => {
    const w = (box.east - box.west) * M_PER_DEG_LON;
    const h = (box.north - box.south) * M_PER_DEG_LAT;
    if (w < 80 || h < 80) return;
    if (!blocked(box)) {
      const centre: Position = [(box.west + box.east) / 2, (box.south + box.north) / 2];
      lots.push({ box, cell, sides, centre, distKm: distanceM(centre, CENTRE) / 1000, areaM2: w * h });
      return;
    }
    if (depth === 2) return;
    const midX = round6((box.west + box.east) / 2);
    const midY = round6((box.south + box.north) / 2);
    const served: Lot[] = [];
    lanes.push({ axis: 'x', pos: midX, from: cell.south, to: cell.north, lots: served }, { axis: 'y', pos: midY, from: cell.west, to: cell.east, lots: served });
    const before = lots.length;
    const gx = lonDeg(LOT_GAP / 2);
    const gy = latDeg(LOT_GAP / 2);
    const lane: Frontage = '巷';
    place({ west: box.west, south: box.south, east: midX - gx, north: midY - gy }, { ...cell, east: midX, north: midY }, { ...sides, east: lane, north: lane }, depth + 1);
    place({ west: midX + gx, south: box.south, east: box.east, north: midY - gy }, { ...cell, west: midX, north: midY }, { ...sides, west: lane, north: lane }, depth + 1);
    place({ west: box.west, south: midY + gy, east: midX - gx, north: box.north }, { ...cell, east: midX, south: midY }, { ...sides, east: lane, south: lane }, depth + 1);
    place({ west: midX + gx, south: midY + gy, east: box.east, north: box.north }, { ...cell, west: midX, south: midY }, { ...sides, west: lane, south: lane }, depth + 1);
    served.push(...lots.slice(before));
  };
  blocks.forEach((block) => {
    // 南湖's block is all lake and lakeside park.
    if (block.west >= LAKE_BOX.west && block.east <= LAKE_BOX.east && block.south >= LAKE_BOX.south && block.north <= LAKE_BOX.north) return;
    const nx = Math.max(1, Math.round(((block.east - block.west) * M_PER_DEG_LON) / TARGET_LOT_SIZE));
    const ny = Math.max(1, Math.round(((block.north - block.south) * M_PER_DEG_LAT) / TARGET_LOT_SIZE));
    const dx = (block.east - block.west) / nx;
    const dy = (block.north - block.south) / ny;
    const xAt = (a: number) => (a === nx ? block.east : round6(block.west + a * dx));
    const yAt = (b: number) => (b === ny ? block.north : round6(block.south + b * dy));
    const served: Lot[] = [];
    for (let a = 1; a < nx; a++) lanes.push({ axis: 'x', pos: xAt(a), from: block.south, to: block.north, lots: served });
    for (let b = 1; b < ny; b++) lanes.push({ axis: 'y', pos: yAt(b), from: block.west, to: block.east, lots: served });
    const before = lots.length;
    for (let b = 0; b < ny; b++) {
      for (let a = 0; a < nx; a++) {
        // Set back by what runs along each side.
        const inset = (cls: Frontage) => SETBACK[cls][0] + rng.range(0, SETBACK[cls][1]);
        const cell: Box = { west: xAt(a), south: yAt(b), east: xAt(a + 1), north: yAt(b + 1) };
        const sides: Sides = {
          west: a === 0 ? block.sides.west : '巷',
          east: a === nx - 1 ? block.sides.east : '巷',
          south: b === 0 ? block.sides.south : '巷',
          north: b === ny - 1 ? block.sides.north : '巷',
        };
        const box: Box = {
          west: cell.west + lonDeg(inset(sides.west)),
          east: cell.east - lonDeg(inset(sides.east)),
          south: cell.south + latDeg(inset(sides.south)),
          north: cell.north - latDeg(inset(sides.north)),
        };
        place(box, cell, sides, 0);
      }
    }
    served.push(...lots.slice(before));
  });
  return { lots, lanes };
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
