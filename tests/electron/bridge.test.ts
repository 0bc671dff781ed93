import type { IpcRendererEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { API_NAMES, type MenuCommand } from '../../shared/api/contract.ts';
import { buildBridge, type BridgeIpc } from '../../electron/preload/bridge.ts';
import { channelFor, MENU_CHANNEL } from '../../electron/preload/channels.ts';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** A stand-in for Electron's ipcRenderer that records what the bridge does with it. */
function fakeIpcRenderer(reply: (channel: string, args: unknown) => unknown = () => ({ ok: true, result: null })) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners: { channel: string; listener: Listener }[] = [];
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return reply(channel, args[0]);
    },
    on(channel: string, listener: Listener) {
      listeners.push({ channel, listener });
      return ipc;
    },
    removeListener(channel: string, listener: Listener) {
      const at = listeners.findIndex((l) => l.channel === channel && l.listener === listener);
      if (at >= 0) listeners.splice(at, 1);
      return ipc;
    },
  };
  return { ipc: ipc as unknown as BridgeIpc, invoked, listeners };
}

function emit(listeners: { channel: string; listener: Listener }[], channel: string, payload: unknown): void {
  const event = { sender: 'the ipc renderer (must not reach the page)' } as unknown as IpcRendererEvent;
  for (const l of listeners.filter((x) => x.channel === channel)) l.listener(event, payload);
}

/** Stands in for Electron's webUtils.getPathForFile. */
const pathOf = (file: File): string => `/dropped/${file.name}`;

describe('buildBridge', () => {
  it('exposes exactly one function per API call plus onMenuCommand, and nothing generic', () => {
    const bridge = buildBridge(fakeIpcRenderer().ipc, pathOf);
    expect(Object.keys(bridge).sort()).toEqual([...API_NAMES, 'onMenuCommand', 'pathForFile'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer']) expect(bridge).not.toHaveProperty(generic);
  });

  it('gives a dropped file its local path through webUtils', () => {
    expect(buildBridge(fakeIpcRenderer().ipc, pathOf).pathForFile(new File(['x'], 'parcels.zip'))).toBe('/dropped/parcels.zip');
  });

  it('is frozen, so the page cannot add or swap calls', () => {
    expect(Object.isFrozen(buildBridge(fakeIpcRenderer().ipc, pathOf))).toBe(true);
  });

  it.each(API_NAMES)('%s invokes only its own channel, with the arguments as given', async (name) => {
    const { ipc, invoked } = fakeIpcRenderer();
    const bridge = buildBridge(ipc, pathOf);
    const args = Object.freeze({ probe: name });
    await (bridge[name] as (a: unknown) => Promise<unknown>)(args);
    expect(invoked).toEqual([{ channel: channelFor(name), args: [args] }]);
  });

  it('resolves to the result of an ok answer', async () => {
    const layers = [{ id: 'parcels', order: 0 }];
    const { ipc } = fakeIpcRenderer(() => ({ ok: true, result: layers }));
    const result = await buildBridge(ipc, pathOf).reorderLayers({ order: ['parcels'] });
    expect(result).toEqual(layers);
  });

  it('rejects an error answer with plain AtlasError data (code, params) that survives contextBridge', async () => {
    const error = { code: 'not_found', message: 'No layer "roads" in this project', params: { layerId: 'roads' } };
    const { ipc } = fakeIpcRenderer(() => ({ ok: false, error }));
    const thrown = await buildBridge(ipc, pathOf)
      .layerGeoJSON({ layerId: 'roads' })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(thrown).not.toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ name: 'AtlasError', code: 'not_found', message: error.message, params: error.params });
  });

  it('gives an error answer without params empty params', async () => {
    const { ipc } = fakeIpcRenderer(() => ({ ok: false, error: { code: 'no_project', message: 'No project is open' } }));
    await expect(buildBridge(ipc, pathOf).projectInfo({})).rejects.toMatchObject({ code: 'no_project', params: {} });
  });

  it('rejects a malformed answer with an internal AtlasError', async () => {
    const { ipc } = fakeIpcRenderer(() => 'not an answer');
    await expect(buildBridge(ipc, pathOf).appInfo({})).rejects.toMatchObject({ name: 'AtlasError', code: 'internal' });
  });

  it('relays menu commands to the listener without the IPC event', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const received: unknown[][] = [];
    buildBridge(ipc, pathOf).onMenuCommand((...args: unknown[]) => received.push(args));
    const cmd: MenuCommand = { type: 'openRecent', path: '/p/南湖.gpkg' };
    emit(listeners, MENU_CHANNEL, cmd);
    expect(received).toEqual([[cmd]]);
  });

  it('unsubscribes exactly the listener it added', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const bridge = buildBridge(ipc, pathOf);
    const first: MenuCommand[] = [];
    const second: MenuCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((cmd) => first.push(cmd));
    bridge.onMenuCommand((cmd) => second.push(cmd));
    unsubscribe();
    emit(listeners, MENU_CHANNEL, { type: 'zoomAll' });
    expect(first).toEqual([]);
    expect(second).toEqual([{ type: 'zoomAll' }]);
    expect(listeners).toHaveLength(1);
  });
});
