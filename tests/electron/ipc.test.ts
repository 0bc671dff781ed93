import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { API_NAMES, type ApiName } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ApiHandlers, ApiResponse } from '../../electron/api/types.ts';
import { registerIpcHandlers } from '../../electron/main/ipc.ts';
import { channelFor } from '../../electron/preload/channels.ts';

const APP_URL = 'file:///opt/renewal-atlas/dist/renderer/index.html';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResponse>;

/** A stand-in for Electron's ipcMain that records the channels registered on it. */
function fakeIpcMain() {
  const channels = new Map<string, InvokeListener>();
  const registered: string[] = [];
  const ipcMain = {
    handle(channel: string, listener: InvokeListener) {
      registered.push(channel);
      channels.set(channel, listener);
    },
  };
  return { ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle'>, channels, registered };
}

/** Handlers answering two calls; every other call fails as unsupported. Records what they were given. */
function tinyHandlers(received: { name: ApiName; args: unknown }[]): ApiHandlers {
  const handlers = Object.fromEntries(
    API_NAMES.map((name) => [
      name,
      (args: unknown) => {
        received.push({ name, args });
        throw new AtlasError('unsupported', `${name} is not part of this test`, { name });
      },
    ]),
  ) as unknown as ApiHandlers;
  handlers.getFeature = (args) => {
    received.push({ name: 'getFeature', args });
    return { layerId: args.layerId, fid: args.fid, properties: { 名称: '南湖' }, geometry: null };
  };
  handlers.openProject = (args) => {
    received.push({ name: 'openProject', args });
    throw new AtlasError('not_a_geopackage', `${args.path} is not a GeoPackage`, { path: args.path });
  };
  return handlers;
}

function eventFrom(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

function listenerFor(channels: Map<string, InvokeListener>, name: ApiName): InvokeListener {
  const listener = channels.get(channelFor(name));
  if (!listener) throw new Error(`no channel for ${name}`);
  return listener;
}

describe('registerIpcHandlers', () => {
  it('registers one channel per API call and no other', () => {
    const { ipcMain, registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, tinyHandlers([]), { appUrl: APP_URL });
    expect(registered.sort()).toEqual(API_NAMES.map((name) => `ra:${name}`).sort());
  });

  it('answers invalid arguments with invalid_argument, without running the handler', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    const received: { name: ApiName; args: unknown }[] = [];
    registerIpcHandlers(ipcMain, tinyHandlers(received), { appUrl: APP_URL });
    const response = await listenerFor(channels, 'getFeature')(eventFrom(APP_URL), { layerId: 'parcels', fid: -1 });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument', params: { name: 'getFeature', field: 'fid' } } });
    expect(received).toEqual([]);
  });

  it('refuses arguments the schema does not know', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    registerIpcHandlers(ipcMain, tinyHandlers([]), { appUrl: APP_URL });
    const response = await listenerFor(channels, 'getFeature')(eventFrom(APP_URL), { layerId: 'parcels', fid: 1, sql: 'DROP' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('runs the handler with valid arguments and answers its result', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    const received: { name: ApiName; args: unknown }[] = [];
    registerIpcHandlers(ipcMain, tinyHandlers(received), { appUrl: APP_URL });
    const response = await listenerFor(channels, 'getFeature')(eventFrom(`${APP_URL}#/map`), { layerId: 'parcels', fid: 7 });
    expect(response).toEqual({
      ok: true,
      result: { layerId: 'parcels', fid: 7, properties: { 名称: '南湖' }, geometry: null },
    });
    expect(received).toEqual([{ name: 'getFeature', args: { layerId: 'parcels', fid: 7 } }]);
  });

  it("passes a handler's readable error through", async () => {
    const { ipcMain, channels } = fakeIpcMain();
    registerIpcHandlers(ipcMain, tinyHandlers([]), { appUrl: APP_URL });
    const response = await listenerFor(channels, 'openProject')(eventFrom(APP_URL), { path: '/tmp/a.txt' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'not_a_geopackage', message: '/tmp/a.txt is not a GeoPackage', params: { path: '/tmp/a.txt' } },
    });
  });

  it.each([
    ['a web page', 'https://example.com/'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a gone frame', null],
  ])('refuses a call from %s without running the handler', async (_what, url) => {
    const { ipcMain, channels } = fakeIpcMain();
    const received: { name: ApiName; args: unknown }[] = [];
    registerIpcHandlers(ipcMain, tinyHandlers(received), { appUrl: APP_URL });
    const response = await listenerFor(channels, 'getFeature')(eventFrom(url), { layerId: 'parcels', fid: 7 });
    expect(response).toMatchObject({ ok: false, error: { code: 'unsupported', params: { name: 'getFeature' } } });
    expect(received).toEqual([]);
  });

  it('tells onCalled about each answered call', async () => {
    const { ipcMain, channels } = fakeIpcMain();
    const called: [ApiName, boolean][] = [];
    registerIpcHandlers(ipcMain, tinyHandlers([]), { appUrl: APP_URL, onCalled: (name, r) => called.push([name, r.ok]) });
    await listenerFor(channels, 'openProject')(eventFrom(APP_URL), { path: '/tmp/a.txt' });
    await listenerFor(channels, 'getFeature')(eventFrom(APP_URL), { layerId: 'parcels', fid: 1 });
    expect(called).toEqual([
      ['openProject', false],
      ['getFeature', true],
    ]);
  });
});
