import type { Feature, MultiPolygon, Position } from 'geojson';
import { feature, multiPolygon, stripRing } from '../geometry.ts';
import type { Random } from '../random.ts';
import { CANALS, RING_CANAL_WIDTH, islandRing, lakeRadii, lakeRing, ringCanalRing } from './landmarks.ts';

/** The water layer plus the shapes later layers keep clear of. */
export interface WaterPlan {
  /** Shore radii of 南湖 for this seed (see landmarks.ts); the lakeside greenway follows them. */
  lakeRadii: number[];
  /** Outer shore of 南湖 (without the island hole). */
  lakeShore: Position[];
  /** Canal outlines, one per canal in CANALS order. */
  canalRings: Position[][];
  features: Feature<MultiPolygon>[];
}

/** 南湖 (with 湖心岛 as a hole), 环城河 (a ring) and the canals, as 湖泊 / 河道 polygons. */
export function buildWater(rng: Random): WaterPlan {
  const radii = lakeRadii(rng);
  const lakeShore = lakeRing(radii);
  const canalRings = CANALS.map((c) => stripRing(c.line, c.width * rng.range(0.95, 1.05)));
  const features = [
    feature(multiPolygon([[lakeShore, islandRing()]]), { 名称: '南湖', 类型: '湖泊' }),
    feature(multiPolygon([[ringCanalRing(0), ringCanalRing(RING_CANAL_WIDTH)]]), { 名称: '环城河', 类型: '河道' }),
    ...CANALS.map((c, i) => feature(multiPolygon([[canalRings[i]]]), { 名称: c.name, 类型: '河道' })),
  ];
  return { lakeRadii: radii, lakeShore, canalRings, features };
}
