import proj4 from 'proj4';
import { createPlane } from '../../../../shared/analysis/geometry/plane.ts';
const p = createPlane(120.76, 30.75);
const c = proj4('WGS84', '+proj=tmerc +lat_0=30.75 +lon_0=120.76 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs');
let worst = 0, worstInv = 0;
for (let i = 0; i < 2000; i++) {
  const lon = 120.76 + (Math.random() - 0.5) * 2, lat = 30.75 + (Math.random() - 0.5) * 2;
  const a = p.forward(lon, lat), b = c.forward([lon, lat]);
  worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1]));
  const q = p.inverse(a[0], a[1]);
  worstInv = Math.max(worstInv, Math.hypot(q[0] - lon, q[1] - lat));
}
console.log('max diff vs proj4 (m)', worst, 'roundtrip deg', worstInv);
let t = performance.now(); let s = 0;
for (let i = 0; i < 300000; i++) { const a = p.forward(120.66 + (i % 1000) * 0.0002, 30.7 + (i % 777) * 0.0001); s += a[0]; }
console.log('fwd 300k ms', performance.now() - t);
