import type { BrowserWindowConstructorOptions, HeadersReceivedResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type BrowserWindowClass, type MainWindowFiles } from '../../electron/main/window.ts';
import { cspHeader } from '../../electron/main/security.ts';

const FILES: MainWindowFiles = Object.freeze({
  preload: '/opt/renewal-atlas/dist/electron/preload.cjs',
  rendererHtml: '/opt/renewal-atlas/dist/renderer/index.html',
  appUrl: 'file:///opt/renewal-atlas/dist/renderer/index.html',
});

type Fn = (...args: never[]) => unknown;

/** A stand-in for Electron's BrowserWindow recording what createMainWindow does with it. */
function fakeBrowserWindow() {
  const log: string[] = [];
  const state = {
    options: undefined as BrowserWindowConstructorOptions | undefined,
    contentsListeners: new Map<string, Fn>(),
    windowListeners: new Map<string, Fn>(),
    headersListener: undefined as Fn | undefined,
    permissionRequest: undefined as Fn | undefined,
    permissionCheck: undefined as Fn | undefined,
    windowOpenHandler: undefined as Fn | undefined,
    loaded: [] as string[],
    shown: 0,
  };
  class FakeWindow {
    webContents = {
      session: {
        webRequest: {
          onHeadersReceived: (listener: Fn) => {
            log.push('csp');
            state.headersListener = listener;
          },
        },
        setPermissionRequestHandler: (handler: Fn) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Fn) => (state.permissionCheck = handler),
      },
      on: (event: string, listener: Fn) => state.contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: Fn) => (state.windowOpenHandler = handler),
    };
    constructor(options: BrowserWindowConstructorOptions) {
      state.options = options;
    }
    once(event: string, listener: Fn) {
      state.windowListeners.set(event, listener);
    }
    show() {
      state.shown += 1;
    }
    loadFile(file: string) {
      log.push('load');
      state.loaded.push(file);
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeWindow as unknown as BrowserWindowClass, state, log };
}

function navigate(listener: Fn | undefined, url: string): boolean {
  let prevented = false;
  (listener as (e: unknown) => void)({ url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('createMainWindow', () => {
  it('locks the page down: isolation, sandbox, web security, no Node, the bundled preload', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    expect(state.options?.webPreferences).toMatchObject({
      preload: FILES.preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it("loads the renderer's page with loadFile, after the policy is in place", () => {
    const { BrowserWindow, state, log } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    expect(state.loaded).toEqual([FILES.rendererHtml]);
    expect(log).toEqual(['csp', 'load']);
  });

  it('sets the Content-Security-Policy on responses', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    const answers: HeadersReceivedResponse[] = [];
    (state.headersListener as (d: unknown, cb: (r: HeadersReceivedResponse) => void) => void)(
      { url: FILES.appUrl, responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => answers.push(r),
    );
    expect(answers).toEqual([{ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [cspHeader()] } }]);
  });

  it('blocks navigation and redirects away from the page, not within it', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    for (const event of ['will-navigate', 'will-redirect']) {
      const listener = state.contentsListeners.get(event);
      expect(navigate(listener, 'https://example.com/'), event).toBe(true);
      expect(navigate(listener, 'file:///etc/passwd'), event).toBe(true);
      expect(navigate(listener, `${FILES.appUrl}#/map`), event).toBe(false);
    }
  });

  it('denies every new window', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    const handler = state.windowOpenHandler as (d: unknown) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: FILES.appUrl })).toEqual({ action: 'deny' });
  });

  it('grants full screen and refuses the camera', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    const granted: boolean[] = [];
    const request = state.permissionRequest as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    request(null, 'fullscreen', (ok) => granted.push(ok));
    request(null, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([true, false]);
    const check = state.permissionCheck as (wc: unknown, p: string) => boolean;
    expect([check(null, 'fullscreen'), check(null, 'geolocation')]).toEqual([true, false]);
  });

  it('stays hidden until its first frame is ready', () => {
    const { BrowserWindow, state } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, FILES);
    expect(state.options?.show).toBe(false);
    expect(state.shown).toBe(0);
    (state.windowListeners.get('ready-to-show') as () => void)();
    expect(state.shown).toBe(1);
  });
});
