import { AtlasError } from '../../../shared/api/errors.ts';
import { resolveCrs } from '../../crs/index.ts';
import type { CrsDef } from '../../../shared/crs/types.ts';

/**
 * The CRS a .prj declares, or null with a note when it declares nothing usable: a .prj that is not
 * WKT (an HTML page saved under that name) is ignored, one that cannot be understood is reported so
 * the user can choose the CRS. Never throws for the file's content.
 */
export function crsFromPrj(text: string, prjName: string, notes: string[]): CrsDef | null {
  const wkt = text.replace(/^\uFEFF/, '').trim();
  if (!/^[A-Z_]+\s*[[(]/i.test(wkt)) {
    notes.push(`${prjName} is not a projection file, ignored${wkt.startsWith('<') ? ' (it is an HTML or XML page)' : ''}`);
    return null;
  }
  try {
    return resolveCrs(wkt);
  } catch (err) {
    if (!(err instanceof AtlasError)) throw err;
    notes.push(`${prjName} was not understood (${err.message}); choose the coordinate system`);
    return null;
  }
}
