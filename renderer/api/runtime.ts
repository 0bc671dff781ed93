import type { AtlasApi } from '../../shared/api/contract.ts';

let current: AtlasApi | null = null;

/** Installs the window's API client (main.tsx does, once; tests may install a fake). */
export function setClient(client: AtlasApi): void {
  current = client;
}

/** The window's API client. */
export function client(): AtlasApi {
  if (!current) throw new Error('API client not installed: call setClient(createClient()) first');
  return current;
}
