// One-off: writes the hand-made fixture inputs (metres around 120.755E 30.755N → degrees).
import fs from 'node:fs';
import path from 'node:path';
import { createPlane } from '../../../../shared/analysis/geometry/plane.ts';
const P = createPlane(120.755, 30.755);
const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
const ll = ([x, y]: number[]) => P.inverse(x, y).map(r7);
const ring = (pts: number[][]) => [...pts, pts[0]].map(ll);
const ROOT = 'tests/fixtures/analysis';
function write(name: string, file: string, features: unknown[], properties?: Record<string, unknown>) {
  const dir = path.join(ROOT, name, 'in');
  fs.mkdirSync(dir, { recursive: true });
  const fc = { type: 'FeatureCollection', ...(properties ? { properties } : {}), features };
  const text = JSON.stringify(fc, null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]');
  fs.writeFileSync(path.join(dir, file), text + '\n');
}
const F = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const poly = (pts: number[][], props: Record<string, unknown> = {}) => F({ type: 'Polygon', coordinates: [ring(pts)] }, props);
const pt = (p: number[], props: Record<string, unknown> = {}) => F({ type: 'Point', coordinates: ll(p) }, props);
const line = (pts: number[][], props: Record<string, unknown> = {}) => F({ type: 'LineString', coordinates: pts.map(ll) }, props);

// 1. circle-square: a 1 km square block, a point in its middle, 300 m.
write('circle-square', 'residential.geojson', [poly([[-500, -500], [500, -500], [500, 500], [-500, 500]], { 小区: '方块小区', 人口: 10000 })]);
write('circle-square', 'facilities.geojson', [pt([0, 0], { 名称: '中心公园' })], { distance: 300, quadrantSegments: 8 });

// 2. grid-network: 7 × 7 streets 100 m apart, a facility on the centre node, 250 m.
const grid: unknown[] = [];
for (let i = -3; i <= 3; i++) {
  grid.push(line([-3, -2, -1, 0, 1, 2, 3].map((j) => [j * 100, i * 100]), { 名称: `东西路${i + 4}` }));
  grid.push(line([-3, -2, -1, 0, 1, 2, 3].map((j) => [i * 100, j * 100]), { 名称: `南北路${i + 4}` }));
}
write('grid-network', 'streets.geojson', grid);
write('grid-network', 'facilities.geojson', [pt([0, 0], { 名称: '驿站' })], { distance: 250 });

// 3. river-bridge: a river 100 m wide (y -50..50), bank streets at y = ±60, one bridge at x = 100.
const xs = [-600, -500, -400, -300, -200, -100, 0, 100, 200, 300, 400, 500, 600];
write('river-bridge', 'streets.geojson', [
  line(xs.map((x) => [x, -60]), { 名称: '南岸路' }),
  line(xs.map((x) => [x, 60]), { 名称: '北岸路' }),
  line([[100, -60], [100, 60]], { 名称: '桥', 等级: '步行道' }),
  line([[-300, -60], [-300, -400]], { 名称: '南一路' }),
  line([[300, -60], [300, -400]], { 名称: '南二路' }),
  line([[-300, 60], [-300, 400]], { 名称: '北一路' }),
  line([[300, 60], [300, 400]], { 名称: '北二路' }),
]);
write('river-bridge', 'river.geojson', [poly([[-700, -50], [700, -50], [700, 50], [-700, 50]], { 名称: '河' })]);
write('river-bridge', 'facilities.geojson', [pt([0, -80], { 名称: '南岸驿站' })], { distance: 300, width: 50 });
write('river-bridge', 'probes.geojson', [
  pt([-40, 90], { 说明: 'far bank, near the circle centre', straight: true, walk: false }),
  pt([-200, 100], { 说明: 'far bank, west', straight: true, walk: false }),
  pt([100, 90], { 说明: 'far bank, by the bridge', straight: true, walk: true }),
  pt([-150, -100], { 说明: 'near bank', straight: true, walk: true }),
  pt([0, 400], { 说明: 'far bank, out of reach', straight: false, walk: false }),
]);

// 4. geos-agreement: residential blocks of several shapes; points, an L-shaped park and a greenway.
write('geos-agreement', 'residential.geojson', [
  poly([[-400, -300], [-250, -300], [-250, -150], [-400, -150]], { 小区: 'A', 人口: 1200 }),
  poly([[-200, -300], [0, -320], [20, -120], [-180, -140]], { 小区: 'B', 人口: 2300 }),
  poly([[60, -300], [300, -300], [300, -200], [160, -200], [160, -60], [60, -60]], { 小区: 'C (L)', 人口: 3100 }),
  F({ type: 'Polygon', coordinates: [ring([[-400, 0], [-100, 0], [-100, 250], [-400, 250]]), ring([[-300, 80], [-200, 80], [-200, 170], [-300, 170]])] }, { 小区: 'D (courtyard)', 人口: 2600 }),
  F({ type: 'MultiPolygon', coordinates: [[ring([[0, 0], [120, 0], [120, 100], [0, 100]])], [ring([[0, 150], [120, 150], [120, 260], [0, 260]])]] }, { 小区: 'E (two parts)', 人口: 1800 }),
  poly([[200, 0], [420, 40], [380, 260], [180, 220]], { 小区: 'F', 人口: 900 }),
  poly([[500, -400], [800, -400], [800, -100], [500, -100]], { 小区: 'G (far)', 人口: 700 }),
  poly([[-700, 300], [-500, 300], [-520, 500], [-690, 480]], { 小区: 'H', 人口: 1500 }),
]);
write('geos-agreement', 'facilities.geojson', [
  pt([-260, -40], { 名称: 'P1' }),
  pt([250, 120], { 名称: 'P2' }),
  poly([[-80, -230], [40, -230], [40, -190], [-40, -190], [-40, -100], [-80, -100]], { 名称: 'L 形公园' }),
  line([[-800, 420], [-450, 380], [-300, 520]], { 名称: '绿道' }),
], { distance: 200, quadrantSegments: 8 });

// 5. site-selection: a dense block cluster west, a sparse one east, three candidate points.
const blocks: unknown[] = [];
for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
  blocks.push(poly([[-900 + i * 120, j * 120], [-800 + i * 120, j * 120], [-800 + i * 120, 100 + j * 120], [-900 + i * 120, 100 + j * 120]], { 小区: `西${i}${j}`, 人口: 3000 }));
  blocks.push(poly([[500 + i * 120, j * 120], [600 + i * 120, j * 120], [600 + i * 120, 100 + j * 120], [500 + i * 120, 100 + j * 120]], { 小区: `东${i}${j}`, 人口: 300 }));
}
write('site-selection', 'residential.geojson', blocks);
write('site-selection', 'candidates.geojson', [
  pt([0, 1500], { 名称: '远处空地' }),
  pt([670, 170], { 名称: '东片空地' }),
  pt([-730, 170], { 名称: '西片空地' }),
], { distance: 300, k: 2 });

// 6. facility-filter: parks of every status and size.
write('facility-filter', 'parks.geojson', [
  poly([[0, 0], [15, 0], [15, 20], [0, 20]], { 名称: '小游园 (300 m², no 面积)', 状态: '现状' }),
  poly([[100, 0], [130, 0], [130, 20], [100, 20]], { 名称: '口袋公园 (600 m²)', 面积: 600, 类型: '口袋公园', 状态: '现状' }),
  poly([[200, 0], [300, 0], [300, 100], [200, 100]], { 名称: '社区公园 (新建 2023)', 面积: 10000, 类型: '社区公园', 状态: '新建', 计划年度: 2023 }),
  poly([[400, 0], [500, 0], [500, 100], [400, 100]], { 名称: '滨水公园 (规划 2024)', 面积: 10000, 类型: '滨水公园', 状态: '规划', 计划年度: 2024 }),
  poly([[600, 0], [700, 0], [700, 60], [600, 60]], { 名称: '改建公园 (改建 2023)', 面积: 6000, 类型: '社区公园', 状态: '改建', 计划年度: 2023 }),
  poly([[800, 0], [860, 0], [860, 60], [800, 60]], { 名称: '无状态公园 (3,600 m²)' }),
]);

// 7. blind-spots: two blocks, one half inside the catchment, one outside with more residents.
write('blind-spots', 'residential.geojson', [
  poly([[-100, -100], [100, -100], [100, 100], [-100, 100]], { 小区: '半覆盖', 人口: 1000 }),
  poly([[400, -100], [600, -100], [600, 100], [400, 100]], { 小区: '未覆盖', 人口: 2000 }),
  poly([[-500, -75], [-350, -75], [-350, 75], [-500, 75]], { 小区: '未覆盖少人', 人口: 100 }),
]);
write('blind-spots', 'facilities.geojson', [pt([-100, 0], { 名称: '公园' })], { distance: 150, quadrantSegments: 16 });
