import { buildNetwork } from '../../../../shared/analysis/network.ts';
import { catchmentNetwork } from '../../../../shared/analysis/catchment-network.ts';
import { catchmentPolygons } from '../../../../shared/analysis/catchment-polygons.ts';
import { booleanPointInPolygon } from '@turf/turf';
import fs from 'node:fs';
const rd = (f: string) => JSON.parse(fs.readFileSync(`tests/fixtures/analysis/river-bridge/in/${f}`, 'utf8'));
const net = buildNetwork(rd('streets.geojson'));
const poly = catchmentPolygons(catchmentNetwork(rd('facilities.geojson'), net, { distance: 300, width: 50 }));
console.log(poly.features[0].geometry.coordinates.length, 'parts');
for (let y = 200; y >= -250; y -= 20) {
  let row = '';
  for (let x = -500; x <= 500; x += 12) {
    const p = net.plane.inverse(x, y);
    const inside = booleanPointInPolygon(p, poly.features[0] as any);
    row += inside ? '#' : Math.abs(y) < 50 ? '~' : '.';
  }
  console.log(String(y).padStart(5), row);
}
