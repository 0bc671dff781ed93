import { useCallback, useEffect, useState } from 'react';
import type { DirListing } from '../../shared/api/contract.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';

export const PROJECT_EXTENSIONS: readonly string[] = ['.gpkg'];

export interface DirListingState {
  listing: DirListing | null;
  loading: boolean;
  error: { code: string; message: string } | null;
  browse: (dir?: string) => void;
}

/**
 * A folder listing through the API (folders and files with one of `extensions`); starts in
 * `initialDir`, else the host's default.
 */
export function useDirListing(initialDir: string | undefined, extensions: readonly string[] = PROJECT_EXTENSIONS): DirListingState {
  const [listing, setListing] = useState<DirListing | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<DirListingState['error']>(null);
  const extKey = extensions.join(' ');

  const load = useCallback(
    async (dir: string | undefined, fallback: boolean) => {
      setLoading(true);
      try {
        setListing(await client().browseFiles({ ...(dir ? { dir } : {}), extensions: extKey.split(' ') }));
        setError(null);
      } catch (err) {
        if (fallback && dir) return load(undefined, false);
        const e = toAtlasError(err);
        setError({ code: e.code, message: e.message });
      } finally {
        setLoading(false);
      }
    },
    [extKey],
  );

  useEffect(() => {
    void load(initialDir, true);
  }, [load, initialDir]);

  const browse = useCallback((dir?: string) => void load(dir, false), [load]);
  return { listing, loading, error, browse };
}
