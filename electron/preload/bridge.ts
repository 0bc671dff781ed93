import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { AtlasApi, MenuCommand, PreloadBridge } from '../../shared/api/contract.ts';
import { API_NAMES, type ApiName } from '../../shared/api/names.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';
import type { ApiResponse } from '../api/types.ts';
import { channelFor, MENU_CHANNEL } from './channels.ts';

/** The part of `ipcRenderer` the bridge uses. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isApiResponse(value: unknown): value is ApiResponse {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * What a failed call rejects with. contextBridge passes only the `message` of an Error to the page, so
 * the error crosses as plain data (name, code, message, params) that the renderer's client rebuilds.
 */
export interface BridgeError extends AtlasErrorData {
  name: 'AtlasError';
}

function bridgeError(data: AtlasErrorData): BridgeError {
  return { name: 'AtlasError', code: data.code, message: data.message, params: data.params ?? {} };
}

async function call(ipc: BridgeIpc, name: ApiName, args: unknown): Promise<unknown> {
  const response: unknown = await ipc.invoke(channelFor(name), args);
  if (!isApiResponse(response)) throw bridgeError({ code: 'internal', message: `Malformed response to API call "${name}"`, params: { name } });
  if (response.ok) return response.result;
  throw bridgeError(response.error);
}

/**
 * What the preload exposes as `window.renewalAtlas`: exactly one function per API call, each
 * invoking its own `ra:<name>` channel and unwrapping the answer (an error answer rejects with a
 * plain `BridgeError` carrying `code` and `params`), plus `onMenuCommand`. No channel name ever comes
 * from the page, so the page cannot reach any other channel.
 */
export function buildBridge(ipc: BridgeIpc, getPathForFile: (file: File) => string): PreloadBridge {
  const api: Partial<Record<ApiName, (args: unknown) => Promise<unknown>>> = {};
  for (const name of API_NAMES) api[name] = (args: unknown) => call(ipc, name, args);

  const onMenuCommand = (listener: (cmd: MenuCommand) => void): (() => void) => {
    // The IPC event (with its sender) stays in the preload; the page gets the command only.
    const relay = (_event: IpcRendererEvent, cmd: MenuCommand): void => listener(cmd);
    ipc.on(MENU_CHANNEL, relay);
    return () => {
      ipc.removeListener(MENU_CHANNEL, relay);
    };
  };

  // A dropped file's local path, so imports read it in place instead of copying it through IPC.
  const pathForFile = (file: File): string => getPathForFile(file);
  return Object.freeze({ ...(api as AtlasApi), onMenuCommand, pathForFile });
}
