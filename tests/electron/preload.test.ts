// The sandboxed preload cannot run here (no Electron); with a fake 'electron' module it can be loaded
// and checked: what it exposes, and that a dropped file's path comes from webUtils.getPathForFile.
import { describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../shared/api/contract.ts';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const pathsAsked: File[] = [];
  return {
    exposed,
    invoked,
    pathsAsked,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return { ok: true, result: null };
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
    webUtils: {
      getPathForFile: (file: File) => {
        pathsAsked.push(file);
        return file.name === 'in-memory.txt' ? '' : `/home/li/下载/${file.name}`;
      },
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer, webUtils: electron.webUtils }));

describe('the preload', () => {
  it('exposes the bridge as window.renewalAtlas, frozen, and nothing else', async () => {
    await import('../../electron/preload/preload.ts');
    expect([...electron.exposed.keys()]).toEqual(['renewalAtlas']);
    expect(Object.isFrozen(electron.exposed.get('renewalAtlas'))).toBe(true);
  });

  it('gives a dropped file the local path webUtils.getPathForFile knows, for that very File', async () => {
    await import('../../electron/preload/preload.ts');
    const bridge = electron.exposed.get('renewalAtlas') as PreloadBridge;
    const file = new File(['shp'], '公园.shp');
    expect(bridge.pathForFile(file)).toBe('/home/li/下载/公园.shp');
    expect(electron.pathsAsked.at(-1)).toBe(file);
    // A File made in the page (not from the disk) has no path: '' (the renderer refuses it).
    expect(bridge.pathForFile(new File(['x'], 'in-memory.txt'))).toBe('');
  });

  it('sends each call over ipcRenderer.invoke on its own channel', async () => {
    await import('../../electron/preload/preload.ts');
    const bridge = electron.exposed.get('renewalAtlas') as PreloadBridge;
    await bridge.showFileDialog({ purpose: 'open', extensions: ['.shp'], multiple: true, topic: 'import' });
    expect(electron.invoked.at(-1)).toEqual({ channel: 'ra:showFileDialog', args: [{ purpose: 'open', extensions: ['.shp'], multiple: true, topic: 'import' }] });
  });
});
