import type { ApiName } from '../../shared/api/contract.ts';

/**
 * IPC channel names, shared by the main process and the preload. Pure: no Electron import, so the
 * sandboxed preload bundle and the unit tests can both load it.
 */

/** Prefix of every API channel; nothing else uses it. */
export const API_CHANNEL_PREFIX = 'ra:';

/** Channel on which the main process sends menu commands to the renderer. */
export const MENU_CHANNEL = 'ra-menu:command';

/** The IPC channel of one API call, e.g. `ra:openProject`. */
export function channelFor(name: ApiName): string {
  return `${API_CHANNEL_PREFIX}${name}`;
}
