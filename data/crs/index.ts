/**
 * Coordinate systems on the Node side: shared/crs with every EPSG code. Importing this module
 * installs the epsg-index registry behind shared/crs's code lookup (the renderer never does: it
 * keeps the built-in Chinese and world definitions and never loads the 40 MB index), so
 * resolveCrs('EPSG:2056'), a .prj WKT with AUTHORITY["EPSG","27700"] and a GeoPackage srs_id all
 * resolve. Data-layer code resolves CRSs through here.
 */
import { AtlasError } from '../../shared/api/errors.ts';
import { hasCodeLookup, setCodeLookup } from '../../shared/crs/catalog.ts';
import { resolveCrs } from '../../shared/crs/resolve.ts';
import type { CrsDef } from '../../shared/crs/types.ts';
import { createEpsgLookup } from './epsg-index.ts';

/** Installs the epsg-index registry unless a lookup is installed already (tests may install their own). */
export function installEpsgRegistry(): void {
  if (!hasCodeLookup()) setCodeLookup(createEpsgLookup());
}

installEpsgRegistry();

export { resolveCrs };
export { crsByCode, lookupCode } from '../../shared/crs/catalog.ts';
export { createEpsgLookup, type EpsgLookupOptions } from './epsg-index.ts';

/**
 * The CRS a user chose (import option, export target, `--crs`): as resolveCrs, but a choice that
 * cannot be used is the user's argument, not a broken file: 'invalid_argument' with the same
 * message (naming the code), `option` and what was given, so the UI can ask again.
 */
export function resolveUserCrs(text: string, option = 'crs'): CrsDef {
  try {
    return resolveCrs(text);
  } catch (err) {
    if (!(err instanceof AtlasError) || err.code !== 'invalid_file') throw err;
    throw new AtlasError('invalid_argument', err.message, { ...err.params, option, given: text.trim().slice(0, 200) });
  }
}
