// Error parameters that are lists (a CSV's columns) cross both transports as lists: Electron IPC
// (structured clone, twice: ipcMain → preload, preload → page) and browser-mode HTTP (JSON).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { createApiHandlers } from '../../electron/api/handlers.ts';
import type { ApiHandlers, ApiResponse } from '../../electron/api/types.ts';
import { startHost, type RunningHost } from '../../electron/host/server.ts';
import { registerIpcHandlers } from '../../electron/main/ipc.ts';
import { buildBridge, type BridgeIpc } from '../../electron/preload/bridge.ts';
import { channelFor } from '../../electron/preload/channels.ts';
import { httpClient, toAtlasError } from '../../renderer/api/client.ts';
import { previewQuestion } from '../../renderer/import/import-model.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const COLUMNS = ['名称', 'X坐标', 'Y坐标', '面积, 平方米'];
const APP_URL = 'file:///opt/renewal-atlas/dist/renderer/index.html';

/** Handlers whose importPreview asks for the coordinate columns, as the CSV reader does. */
function askingHandlers(): ApiHandlers {
  const handlers = Object.fromEntries(API_NAMES.map((name) => [name, () => null])) as unknown as ApiHandlers;
  handlers.importPreview = () => {
    throw new AtlasError('needs_input', `sites.csv: no longitude/latitude or WKT column found; columns are: ${COLUMNS.join(', ')}`, {
      file: 'sites.csv',
      columns: COLUMNS,
    });
  };
  return handlers;
}

describe('list parameters of an error', () => {
  it('cross Electron IPC and the preload bridge as a list the CSV form can offer', async () => {
    const channels = new Map<string, (event: IpcMainInvokeEvent, args: unknown) => Promise<ApiResponse>>();
    const ipcMain = { handle: (channel: string, listener: (event: IpcMainInvokeEvent, args: unknown) => Promise<ApiResponse>) => channels.set(channel, listener) };
    registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, askingHandlers(), { appUrl: APP_URL });
    // ipcRenderer.invoke: the main process's answer arrives structured-cloned.
    const ipc = {
      invoke: async (channel: string, args: unknown) => structuredClone(await channels.get(channel)!({ senderFrame: { url: APP_URL } } as IpcMainInvokeEvent, args)),
      on: () => ipc,
      removeListener: () => ipc,
    };
    const bridge = buildBridge(ipc as unknown as BridgeIpc, () => '');
    const rejected = await bridge.importPreview({ files: ['/d/sites.csv'] }).then(
      () => null,
      (e: unknown) => structuredClone(e), // contextBridge copies the rejection into the page
    );
    const err = toAtlasError(rejected);
    expect(err).toMatchObject({ code: 'needs_input', params: { file: 'sites.csv', columns: COLUMNS } });
    expect(previewQuestion(err.toData())).toEqual({ type: 'columns', columns: COLUMNS });
    expect(channelFor('importPreview')).toBe('ra:importPreview');
  });

  it('cross HTTP as a JSON array', async () => {
    const response = await dispatch(askingHandlers(), 'importPreview', { files: ['/d/sites.csv'] });
    const fetchImpl = (async () => new Response(JSON.stringify(response), { status: 200 })) as typeof fetch;
    const err = await httpClient('t', fetchImpl)
      .importPreview({ files: ['/d/sites.csv'] })
      .then(
        () => null,
        (e: unknown) => e as AtlasError,
      );
    if (!err) throw new Error('expected the call to fail');
    expect(err).toBeInstanceOf(AtlasError);
    expect(err.params.columns).toEqual(COLUMNS);
    expect(previewQuestion(err.toData())).toEqual({ type: 'columns', columns: COLUMNS });
  });
});

describe('a CSV preview that needs its columns, through the real host and job worker', () => {
  let tmp: { dir: string; cleanup: () => void };
  let handlers: ReturnType<typeof createApiHandlers>;
  let host: RunningHost;
  beforeAll(async () => {
    tmp = makeTempDir();
    const staticDir = path.join(tmp.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    handlers = createApiHandlers({ mode: 'browser', dataDir: path.join(tmp.dir, 'data') });
    host = await startHost({ handlers, staticDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    handlers.jobs.stopAll();
    handlers.session.close();
    tmp.cleanup();
  });

  it('answers needs_input with the columns as a JSON array, names with commas intact', async () => {
    const csv = path.join(tmp.dir, 'sites.csv');
    fs.writeFileSync(csv, '名称,X坐标,Y坐标,"面积, 平方米"\n甲,120.75,30.75,12\n');
    // Raw HTTP as the page sends it (fetch adds Sec-Fetch headers the host's guard refuses from Node).
    const text = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/importPreview', headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-atlas-token': host.token } },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ files: [csv] }));
    });
    const body = JSON.parse(text) as ApiResponse;
    expect(body.ok).toBe(false);
    if (body.ok) return;
    expect(body.error).toMatchObject({ code: 'needs_input', params: { file: 'sites.csv', columns: COLUMNS } });
    expect(body.error.message).toContain('columns are: 名称, X坐标, Y坐标, 面积, 平方米');
  });
});
