import type { Feature, MultiPolygon, Position } from 'geojson';
import { feature, multiPolygon } from '../geometry.ts';
import type { Random } from '../random.ts';
import { MAIN_BBOX } from './landmarks.ts';

/** The district layer and the boundary between the two districts. */
export interface DistrictPlan {
  /** 南湖区 / 秀洲区 boundary from the north edge to the south edge of the main urban area. */
  boundary: Position[];
  features: Feature<MultiPolygon>[];
  /** Name of the district a position lies in. */
  nameAt(p: Position): string;
}

// 秀洲区 takes the west and north-west (beyond the 大运河), 南湖区 the old town, 月河, 南湖 and the east and south. The boundary runs
// north to south so that it is a function of latitude (simple to test a point against).
const BOUNDARY: Position[] = [
  [120.79, MAIN_BBOX.north], [120.772, 30.787], [120.748, 30.776], [120.735, 30.762], [120.728, 30.735], [120.705, MAIN_BBOX.south],
];

/** Longitude of the boundary at a latitude (the boundary is monotonic in latitude). */
function boundaryLonAt(boundary: Position[], lat: number): number {
  for (let i = 0; i < boundary.length - 1; i++) {
    const [a, b] = [boundary[i], boundary[i + 1]];
    if (lat <= a[1] && lat >= b[1]) return a[0] + ((a[1] - lat) / (a[1] - b[1])) * (b[0] - a[0]);
  }
  return lat > boundary[0][1] ? boundary[0][0] : boundary[boundary.length - 1][0];
}

/**
 * 南湖区 (330402) and 秀洲区 (330411) covering the main urban area between them, sharing one wiggly
 * boundary so that they neither overlap nor leave a gap.
 */
export function buildDistricts(rng: Random): DistrictPlan {
  const boundary: Position[] = [BOUNDARY[0]];
  for (let i = 0; i < BOUNDARY.length - 1; i++) {
    const [a, b] = [BOUNDARY[i], BOUNDARY[i + 1]];
    // Four intermediate vertices per leg, nudged east–west only, so latitude stays monotonic.
    for (let k = 1; k <= 4; k++) {
      const t = k / 5;
      boundary.push([a[0] + t * (b[0] - a[0]) + rng.range(-0.0015, 0.0015), a[1] + t * (b[1] - a[1])]);
    }
    boundary.push(b);
  }
  const { west, south, east, north } = MAIN_BBOX;
  const xiuzhou = [[west, north], ...boundary, [west, south], [west, north]];
  const nanhu = [...boundary, [east, south], [east, north], boundary[0]];
  return {
    boundary,
    features: [
      feature(multiPolygon([[nanhu]]), { 名称: '南湖区', 行政区划代码: '330402' }),
      feature(multiPolygon([[xiuzhou]]), { 名称: '秀洲区', 行政区划代码: '330411' }),
    ],
    nameAt: (p) => (p[0] < boundaryLonAt(boundary, p[1]) ? '秀洲区' : '南湖区'),
  };
}
