import { disk, capsule } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { unionParts } from '../../../../shared/analysis/geometry/local-overlay.ts';
import { sweepArea } from '../../../../shared/analysis/geometry/slab-sweep.ts';
function area(un:number[][][][]){let a=0; for(const p of un){ for(let k=0;k<p.length;k++){ const r=p[k]; let s=0; for(let i=0;i<r.length-1;i++) s+= r[i][0]*r[i+1][1]-r[i+1][0]*r[i][1]; a+= s/2; } } return a;}
for (const q of [1,2,3,4,8]) {
const pieces = [disk(0,0,300,q), disk(200,0,300,q), capsule(-400,-400,400,300,50,q)];
const un = unionParts(pieces,[-1000,-1000,1000,1000]);
console.log(q, un.length, un.map(p=>p.map(r=>r.length)), area(un), sweepArea(pieces.map(p=>({rings:p.rings, group:1 as const})),'union',[-1000,-1000,1000,1000]));
}
