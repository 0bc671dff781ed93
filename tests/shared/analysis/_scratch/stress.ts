import { disk, capsule, convexBuffer, polygonPieces } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { unionParts, uncoveredParts, coveredArea } from '../../../../shared/analysis/geometry/local-overlay.ts';
import { sweepArea } from '../../../../shared/analysis/geometry/slab-sweep.ts';
import { shapeFromRing } from '../../../../shared/analysis/geometry/shapes.ts';
import { mulberry32 } from '../../../../seeds/random.ts';
function area(un:number[][][][]){let a=0; for(const p of un){ for(let k=0;k<p.length;k++){ const r=p[k]; let s=0; for(let i=0;i<r.length-1;i++) s+= r[i][0]*r[i+1][1]-r[i+1][0]*r[i][1]; a+= s/2; } } return a;}
const rnd = mulberry32(7);
let worst = 0;
for (let trial = 0; trial < 300; trial++) {
  const pieces = [];
  const n = 1 + Math.floor(rnd()*30);
  for (let i=0;i<n;i++) {
    const t = rnd();
    if (t < 0.4) pieces.push(disk(Math.round(rnd()*1000), Math.round(rnd()*1000), 50+Math.round(rnd()*300), 1+Math.floor(rnd()*8)));
    else if (t<0.8) pieces.push(capsule(Math.round(rnd()*1000), Math.round(rnd()*1000), Math.round(rnd()*1000), Math.round(rnd()*1000), 30+rnd()*50, 8));
    else { // L shaped park non convex
      const x=rnd()*1000,y=rnd()*1000; const sh = shapeFromRing(new Float64Array([x,y,x+100,y,x+100,y+30,x+30,y+30,x+30,y+100,x,y+100]), false);
      pieces.push(...polygonPieces(sh, 20+rnd()*100, 8));
    }
  }
  const win:[number,number,number,number] = [-500,-500,1600,1600];
  const un = unionParts(pieces, win);
  const a1 = area(un), a2 = sweepArea(pieces.map(p=>({rings:p.rings, group:1 as const})),'union',win);
  const rel = Math.abs(a1-a2)/a2;
  // residential square difference check
  const R = shapeFromRing(new Float64Array([200,200,700,250,650,700,250,600]), false);
  const u = uncoveredParts(R, pieces);
  const rel2 = Math.abs(area(u.polygons) + coveredArea(R, pieces) - R.area)/R.area;
  worst = Math.max(worst, rel, rel2);
  if (rel > 1e-9 || rel2 > 1e-9) console.log('trial', trial, n, a1, a2, rel, rel2);
}
console.log('worst', worst);
