import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_NAMES, type ApiName } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { dispatch } from '../api/dispatch.ts';
import type { ApiHandlers, ApiResponse } from '../api/types.ts';
import { channelFor } from '../preload/channels.ts';
import { isTrustedSender } from './security.ts';

/** Where calls may come from, and who hears about them. */
export interface IpcOptions {
  /** The app page's `file:` URL: calls from any other frame are refused. */
  appUrl: string;
  /** Told after each call has been answered (e.g. to rebuild the recent-projects menu). */
  onCalled?: (name: ApiName, response: ApiResponse) => void;
}

/**
 * Registers one `ra:<name>` channel per API call. Each validates its sender, then runs the call
 * through `dispatch` (schema validation, handler, error wrapping), so it always answers
 * `{ ok, result }` or `{ ok: false, error }` and never rejects.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers, opts: IpcOptions): void {
  for (const name of API_NAMES) {
    ipcMain.handle(channelFor(name), async (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResponse> => {
      if (!isTrustedSender(event.senderFrame?.url, opts.appUrl)) {
        const error = new AtlasError('unsupported', `API call "${name}" refused: it did not come from the app's own page`, { name });
        return { ok: false, error: error.toData() };
      }
      const response = await dispatch(handlers, name, args);
      opts.onCalled?.(name, response);
      return response;
    });
  }
}
