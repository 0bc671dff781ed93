import { disk, capsule } from '../../../../shared/analysis/geometry/buffer-pieces.ts';
import { OutlineBuilder } from '../../../../shared/analysis/geometry/outline.ts';
import { sweep } from '../../../../shared/analysis/geometry/slab-sweep.ts';
const q=1;
const pieces = [disk(0,0,300,q), disk(200,0,300,q), capsule(-400,-400,400,300,50,q)];
const ob = new OutlineBuilder();
const traps:number[][]=[];
sweep(pieces.map(p=>({rings:p.rings, group:1 as const})),'union',[-1000,-1000,1000,1000],(a,b,c,d,e,f)=>{traps.push([a,b,c,d,e,f]); ob.sink(a,b,c,d,e,f);});
for (const t of traps) console.log(t.map(v=>v.toFixed(3)).join(' '));
ob.finish();
const edges = (ob as any).edges as number[];
const bal = new Map<string,number>();
for (let i=0;i<edges.length;i+=4){ const s=`${edges[i]},${edges[i+1]}`, e=`${edges[i+2]},${edges[i+3]}`; bal.set(s,(bal.get(s)??0)+1); bal.set(e,(bal.get(e)??0)-1);}
for (const [k,v] of bal) if (v!==0) console.log('unbalanced', k, v);
