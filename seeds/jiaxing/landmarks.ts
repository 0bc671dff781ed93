import type { Position } from 'geojson';
import { M_PER_DEG_LAT, M_PER_DEG_LON, shift } from '../geometry.ts';
import type { Random } from '../random.ts';

/**
 * Where the real landmarks of Jiaxing's main urban area are, roughly. The demo data is synthetic, but it
 * is laid out around these so that a planner recognises the city.
 */

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Main urban area: every demo geometry stays inside it. */
export const MAIN_BBOX: Box = { west: 120.66, south: 30.7, east: 120.86, north: 30.81 };
/** City centre. */
export const CENTRE: Position = [120.755, 30.755];
/** 南湖 lies inside this box; its edges are the lakeside roads. */
export const LAKE_BOX: Box = { west: 120.757, south: 30.744, east: 120.772, north: 30.758 };
/** Centre the lake shore is drawn around (south-east of the box centre, away from the old town). */
export const LAKE_CENTRE: Position = [120.766, 30.75];
/** Outer edge of 环城河, the ring canal around the old town (north-west of 南湖). */
export const RING_CANAL: Box = { west: 120.745, south: 30.752, east: 120.762, north: 30.768 };
export const RING_CANAL_WIDTH = 60;

/** Historic districts: 月河 just north of the ring canal, 梅湾街 east of 南湖. */
export const YUEHE_BOX: Box = { west: 120.749, south: 30.7688, east: 120.755, north: 30.7722 };
export const MEIWAN_BOX: Box = { west: 120.7732, south: 30.7495, east: 120.7775, north: 30.7545 };

/** Canals as centre lines (lon/lat) with their width in metres. */
export interface Canal {
  name: string;
  width: number;
  line: Position[];
}

export const CANALS: readonly Canal[] = [
  {
    // Passes the city on the west, then bends south-west.
    name: '京杭大运河',
    width: 90,
    line: [
      [120.69, 30.8082], [120.705, 30.79], [120.722, 30.772], [120.731, 30.759], [120.735, 30.745],
      [120.731, 30.728], [120.712, 30.713], [120.692, 30.7025],
    ],
  },
  {
    // Leaves 南湖 to the south-west and meets the 大运河.
    name: '长水塘',
    width: 50,
    line: [[120.763, 30.7475], [120.7585, 30.7415], [120.748, 30.7365], [120.7315, 30.7275]],
  },
  {
    // Leaves 南湖 to the south-east.
    name: '海盐塘',
    width: 50,
    line: [[120.7691, 30.7473], [120.77, 30.742], [120.781, 30.733], [120.796, 30.722], [120.812, 30.711], [120.824, 30.7025]],
  },
];

/** Shore radius of 南湖 in metres every 15° (0° = east, counter-clockwise): two lobes, notched in the
 *  north-west where the ring canal comes close. */
const LAKE_RADII = [
  450, 460, 490, 520, 560, 600, 620, 560, 420, 330, 330, 410,
  600, 670, 600, 480, 450, 500, 530, 520, 490, 470, 460, 450,
];

/** Shore radius (m) per base angle for one seed: the shape stays, the shoreline wobbles by ±4%. */
export function lakeRadii(rng: Random): number[] {
  return LAKE_RADII.map((r) => r * rng.range(0.96, 1.04));
}

/** Shore radius (m) at angle `theta` (radians), interpolating the base radii smoothly. */
export function radiusAt(radii: number[], theta: number): number {
  const step = (2 * Math.PI) / radii.length;
  const t = (((theta % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / step;
  const i = Math.floor(t) % radii.length;
  const f = t - Math.floor(t);
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return radii[i] * (1 - w) + radii[(i + 1) % radii.length] * w;
}

/** A closed ring around the lake centre at shore radius + `outset` metres (72 points, star-shaped). */
export function lakeRing(radii: number[], outset = 0): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < 72; k++) {
    const theta = (k / 72) * 2 * Math.PI;
    const r = radiusAt(radii, theta) + outset;
    ring.push(shift(LAKE_CENTRE, r * Math.cos(theta), r * Math.sin(theta)));
  }
  ring.push(ring[0]);
  return ring;
}

/** 湖心岛, the island in the lake's north-west lobe, as an ellipse grown by `grow` metres. */
export function islandRing(grow = 0): Position[] {
  const centre = shift(LAKE_CENTRE, -120, 150);
  const ring: Position[] = [];
  for (let k = 0; k < 24; k++) {
    const t = (k / 24) * 2 * Math.PI;
    ring.push(shift(centre, (60 + grow) * Math.cos(t), (42 + grow) * Math.sin(t)));
  }
  ring.push(ring[0]);
  return ring;
}

/**
 * A rounded-rectangle ring (superellipse, exponent 4) inside the ring canal's outer box, moved inwards by
 * `inset` metres (negative = outwards). The canal is the band between inset 0 and inset 60.
 */
export function ringCanalRing(inset: number): Position[] {
  const cx = (RING_CANAL.west + RING_CANAL.east) / 2;
  const cy = (RING_CANAL.south + RING_CANAL.north) / 2;
  const centre: Position = [cx, cy];
  const a = ((RING_CANAL.east - RING_CANAL.west) / 2) * M_PER_DEG_LON - inset;
  const b = ((RING_CANAL.north - RING_CANAL.south) / 2) * M_PER_DEG_LAT - inset;
  const ring: Position[] = [];
  for (let k = 0; k < 64; k++) {
    const t = (k / 64) * 2 * Math.PI;
    const c = Math.cos(t);
    const s = Math.sin(t);
    ring.push(shift(centre, a * Math.sign(c) * Math.sqrt(Math.abs(c)), b * Math.sign(s) * Math.sqrt(Math.abs(s))));
  }
  ring.push(ring[0]);
  return ring;
}

/** Whether a lon/lat position lies in a box. */
export function inBox(p: Position, box: Box): boolean {
  return p[0] >= box.west && p[0] <= box.east && p[1] >= box.south && p[1] <= box.north;
}
