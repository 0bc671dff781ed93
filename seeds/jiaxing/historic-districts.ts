import type { Feature, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { feature, M_PER_DEG_LAT, M_PER_DEG_LON, multiPolygon } from '../geometry.ts';
import type { Random } from '../random.ts';
import { MEIWAN_BOX, YUEHE_BOX, type Box } from './landmarks.ts';

/** The historic-district layer and the outlines other layers keep out of. */
export interface HistoricDistrictPlan {
  rings: Position[][];
  features: Feature<MultiPolygon>[];
}

/**
 * An irregular outline filling most of a box: vertices at even angles around the centre, each between
 * 82% and 100% of the way to the box edge. Star-shaped about the centre, so it never self-intersects.
 */
export function blobInBox(box: Box, vertices: number, rng: Random): Position[] {
  const cx = (box.west + box.east) / 2;
  const cy = (box.south + box.north) / 2;
  const a = ((box.east - box.west) / 2) * M_PER_DEG_LON;
  const b = ((box.north - box.south) / 2) * M_PER_DEG_LAT;
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const t = (k / vertices) * 2 * Math.PI + rng.range(-0.1, 0.1);
    const toEdge = Math.min(a / Math.max(Math.abs(Math.cos(t)), 1e-9), b / Math.max(Math.abs(Math.sin(t)), 1e-9));
    const r = toEdge * rng.range(0.82, 1);
    ring.push([cx + (r * Math.cos(t)) / M_PER_DEG_LON, cy + (r * Math.sin(t)) / M_PER_DEG_LAT]);
  }
  ring.push(ring[0]);
  return ring;
}

const DISTRICTS = [
  { name: '月河历史街区', level: '省级', listed: 2016, box: YUEHE_BOX },
  { name: '梅湾街历史街区', level: '市级', listed: 2023, box: MEIWAN_BOX },
] as const;

/** 月河 north of the ring canal and 梅湾街 east of 南湖, with their area in hectares. */
export function buildHistoricDistricts(rng: Random): HistoricDistrictPlan {
  const rings = DISTRICTS.map((d) => blobInBox(d.box, 12, rng));
  const features = DISTRICTS.map((d, i) => {
    const geometry = multiPolygon([[rings[i]]]);
    const ha = Math.round(area(geometry) / 100) / 100;
    return feature(geometry, { 名称: d.name, 级别: d.level, 面积: ha, 公布年度: d.listed });
  });
  return { rings, features };
}
