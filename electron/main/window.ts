import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { isNavigationAllowed, isPermissionAllowed, withCsp } from './security.ts';

/** Files the main window is made from. */
export interface MainWindowFiles {
  /** The bundled preload (`dist/electron/preload.cjs`). */
  preload: string;
  /** The renderer's page (`dist/renderer/index.html`). */
  rendererHtml: string;
  /** That page's `file:` URL: the only place the window may navigate to. */
  appUrl: string;
}

/** Something that builds a window, such as Electron's `BrowserWindow` class. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The window's construction options: size, and web preferences locked down. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f5f5f4',
    webPreferences: {
      preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Creates the main window and loads the renderer's page: a Content-Security-Policy on every
 * response, no navigation away from the page, no new windows, no web permissions beyond full screen
 * and clipboard writing. Returns at once; the window shows when its first frame is ready.
 */
export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, files: MainWindowFiles): BrowserWindow {
  const win = new BrowserWindowCtor(mainWindowOptions(files.preload));
  const contents = win.webContents;
  const session = contents.session;

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));

  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, files.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, files.appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  win.once('ready-to-show', () => win.show());
  win.loadFile(files.rendererHtml).catch((err: unknown) => {
    console.error(`Renewal Atlas: could not load ${files.rendererHtml}:`, err);
  });
  return win;
}
