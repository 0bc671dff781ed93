import type { CrsDef } from '../../../shared/crs/types.ts';
import { resolveCrs } from '../../../shared/crs/resolve.ts';

/**
 * The CRS named by a GeoJSON 2008 `crs` member, e.g.
 * `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}}` (what GDAL writes), the older
 * `{"type":"EPSG","properties":{"code":4549}}`; the name goes through `resolveCrs` (URNs, OGC CRS84…).
 * Returns a note instead when the member is malformed or names a CRS we do not know.
 */
export function crsFromMember(member: unknown): { crs: CrsDef | null; note?: string } {
  if (member === null) return { crs: null };
  const m = member as { type?: unknown; properties?: Record<string, unknown> } | undefined;
  const props = m && typeof m === 'object' && m.properties && typeof m.properties === 'object' ? m.properties : {};
  let name: string | null = null;
  if (m?.type === 'name' && typeof props.name === 'string') name = props.name;
  else if (m?.type === 'EPSG' && (typeof props.code === 'number' || typeof props.code === 'string')) name = `EPSG:${props.code}`;
  else if (m?.type === 'link') {
    return { crs: null, note: 'The file points to its CRS by a link, which Renewal Atlas does not follow; choose the CRS when importing.' };
  }
  if (name === null) return { crs: null, note: `The "crs" member is not understood (${JSON.stringify(member).slice(0, 120)}); choose the CRS when importing.` };
  try {
    return { crs: resolveCrs(name) };
  } catch (err) {
    const why = err instanceof Error ? `: ${err.message}` : '';
    return { crs: null, note: `The file names its CRS "${name}", which Renewal Atlas cannot use${why}. Choose the CRS when importing.` };
  }
}
