import type { CrsDef } from './types.ts';
import { chinaCrs } from './epsg-china.ts';
import { worldCrs } from './epsg-world.ts';

/** GCJ-02, the shifted lon/lat of AMap (Gaode) and Tencent maps; converted with gcoord, no EPSG code. */
export const GCJ02_CRS: CrsDef = { id: 'GCJ02', name: 'GCJ-02 (AMap / Tencent)', geographic: true, proj4: null };

/** BD-09, Baidu's further shifted lon/lat; converted with gcoord, no EPSG code. */
export const BD09_CRS: CrsDef = { id: 'BD09', name: 'BD-09 (Baidu)', geographic: true, proj4: null };

/**
 * What a registry of EPSG codes beyond the built-ins says about a code: its definition, why it cannot
 * place map data (a vertical or geocentric CRS), or undefined when the registry has no such code.
 */
export type CodeLookupResult = { crs: CrsDef } | { unusable: string } | undefined;

/** Looks up an EPSG code the built-in tables lack. */
export type CodeLookup = (code: number) => CodeLookupResult;

let registry: CodeLookup | null = null;

/**
 * Installs where EPSG codes beyond the built-ins are looked up (null removes it). The Node side
 * installs the epsg-index registry (data/crs/); the renderer installs none, so there only the
 * built-in Chinese and world definitions resolve and nothing large is loaded.
 */
export function setCodeLookup(lookup: CodeLookup | null): void {
  registry = lookup;
}

/** True when a registry of further EPSG codes is installed. */
export function hasCodeLookup(): boolean {
  return registry !== null;
}

/** The definition of an EPSG code in the built-in tables (Chinese GK zones and geographic CRSs, WGS 84, UTM, Web Mercator). */
export function builtInCrs(code: number): CrsDef | undefined {
  return chinaCrs(code) ?? worldCrs(code);
}

/** What the app knows about an EPSG code: a built-in definition, else the installed registry's answer. */
export function lookupCode(code: number): CodeLookupResult {
  const builtIn = builtInCrs(code);
  return builtIn ? { crs: builtIn } : registry?.(code);
}

/** The definition of an EPSG code the app knows (built in, else from the installed registry), or undefined. */
export function crsByCode(code: number): CrsDef | undefined {
  const found = lookupCode(code);
  return found && 'crs' in found ? found.crs : undefined;
}

/** The definition behind a canonical id ('EPSG:4549', 'GCJ02', 'BD09'), or undefined ('CUSTOM' included). */
export function crsById(id: string): CrsDef | undefined {
  if (id === GCJ02_CRS.id) return GCJ02_CRS;
  if (id === BD09_CRS.id) return BD09_CRS;
  const m = /^EPSG:(\d+)$/.exec(id);
  return m ? crsByCode(Number(m[1])) : undefined;
}
