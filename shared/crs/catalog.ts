import type { CrsDef } from './types.ts';
import { chinaCrs } from './epsg-china.ts';
import { worldCrs } from './epsg-world.ts';

/** GCJ-02, the shifted lon/lat of AMap (Gaode) and Tencent maps; converted with gcoord, no EPSG code. */
export const GCJ02_CRS: CrsDef = { id: 'GCJ02', name: 'GCJ-02 (AMap / Tencent)', geographic: true, proj4: null };

/** BD-09, Baidu's further shifted lon/lat; converted with gcoord, no EPSG code. */
export const BD09_CRS: CrsDef = { id: 'BD09', name: 'BD-09 (Baidu)', geographic: true, proj4: null };

/** The definition of an EPSG code the app knows, or undefined. */
export function crsByCode(code: number): CrsDef | undefined {
  return chinaCrs(code) ?? worldCrs(code);
}

/** The definition behind a canonical id ('EPSG:4549', 'GCJ02', 'BD09'), or undefined ('CUSTOM' included). */
export function crsById(id: string): CrsDef | undefined {
  if (id === GCJ02_CRS.id) return GCJ02_CRS;
  if (id === BD09_CRS.id) return BD09_CRS;
  const m = /^EPSG:(\d+)$/.exec(id);
  return m ? crsByCode(Number(m[1])) : undefined;
}
