import { disk, capsule } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { unionParts } from '../../../../shared/analysis/geometry/local-overlay.ts';
import { shapeFromRing } from '../../../../shared/analysis/geometry/shapes.ts';
function area(un:number[][][][]){let a=0; for(const p of un){ for(let k=0;k<p.length;k++){ const r=p[k]; let s=0; for(let i=0;i<r.length-1;i++) s+= r[i][0]*r[i+1][1]-r[i+1][0]*r[i][1]; a+= s/2; } } return a;}
const sq = shapeFromRing(new Float64Array([-100,-100, 100,-100, 100,100, -100,100]), true);
for (const [name, pieces] of [['sq',[sq]],['disk',[disk(0,0,300,8)]],['2disks',[disk(0,0,300,8),disk(200,0,300,8)]],['capsule',[capsule(-400,-400,400,300,50,8)]]] as const) {
  const un = unionParts(pieces as any,[-1000,-1000,1000,1000]);
  console.log(name, un.length, un.map(p=>p.map(r=>r.length)), area(un), (pieces as any).reduce((s:number,p:any)=>s+p.area,0));
}
