import { disk, capsule } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { coveredArea, uncoveredParts, unionParts } from '../../../../shared/analysis/geometry/local-overlay.ts';
import { shapeFromRing } from '../../../../shared/analysis/geometry/shapes.ts';
import * as turf from '@turf/turf';
const sq = shapeFromRing(new Float64Array([-500,-500, 500,-500, 500,500, -500,500]), true);
const d = disk(0,0,300,8);
console.log('disk area', d.area, 'covered', coveredArea(sq,[d]), 'pi r2', Math.PI*300*300);
const d2 = disk(200,0,300,8);
const u = uncoveredParts(sq,[d,d2]);
console.log('uncovered', u.area, sq.area - coveredArea(sq,[d,d2]), 'polys', u.polygons.length, u.polygons.map(p=>p.length));
const poly = turf.multiPolygon(u.polygons as any);
console.log('turf area of planar (deg treated)', turf.area(turf.multiPolygon(u.polygons.map(p=>p.map(r=>r.map(([x,y])=>[x/111195,y/111195]))))) );
const un = unionParts([d,d2,capsule(-400,-400,400,300,50,8)],[-1000,-1000,1000,1000]);
let a=0; for(const p of un){ for(let k=0;k<p.length;k++){ const r=p[k]; let s=0; for(let i=0;i<r.length-1;i++) s+= r[i][0]*r[i+1][1]-r[i+1][0]*r[i][1]; a+= s/2; } }
console.log('union rings', un.length, un.map(p=>p.length), 'area', a);
const cov = coveredArea(shapeFromRing(new Float64Array([-1000,-1000,1000,-1000,1000,1000,-1000,1000]),true),[d,d2,capsule(-400,-400,400,300,50,8)]);
console.log('area via sweep', cov);
