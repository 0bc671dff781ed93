// The Electron entry: routing and the window only. Everything it decides is in small pure modules
// beside it; the data work happens behind the API handlers.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import type { MenuCommand } from '../../shared/api/contract.ts';
import { createApiHandlers } from '../api/handlers.ts';
import { defaultDataDir } from '../paths.ts';
import { MENU_CHANNEL } from '../preload/channels.ts';
import { appFiles } from './app-paths.ts';
import { projectPathFromArgv } from './argv.ts';
import { createFileDialog } from './file-dialog.ts';
import { registerIpcHandlers } from './ipc.ts';
import { labelsFor, plainLabel, type MenuLanguage } from './menu-labels.ts';
import { buildMenuTemplate, MENU_CHANGING_CALLS } from './menu.ts';
import { createMainWindow } from './window.ts';

const files = appFiles(__dirname);
let win: BrowserWindow | null = null;
let handlers: ReturnType<typeof createApiHandlers> | null = null;
// The native menu's language: the remembered UI language (setLanguage), 'zh' until one is chosen.
let language: MenuLanguage = 'zh';
// A project opened from the desktop before the app was ready.
let pendingProject: string | undefined;

function send(cmd: MenuCommand): void {
  if (cmd.type === 'setLanguage') {
    language = cmd.language;
    void refreshMenu();
  }
  win?.webContents.send(MENU_CHANNEL, cmd);
}

async function refreshMenu(): Promise<void> {
  let recent: { path: string; name: string }[] = [];
  try {
    if (handlers) {
      recent = await handlers.recentProjects({});
      language = (await handlers.appInfo({})).language ?? language;
    }
  } catch (err) {
    console.error('Renewal Atlas: recent projects unavailable for the menu:', err);
  }
  const template = buildMenuTemplate({ language, recent, isMac: process.platform === 'darwin', send });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(): BrowserWindow {
  const created = createMainWindow(BrowserWindow, files);
  created.on('closed', () => {
    if (win === created) win = null;
  });
  win = created;
  return created;
}

function showWindow(): BrowserWindow {
  const shown = win ?? openWindow();
  if (shown.isMinimized()) shown.restore();
  shown.focus();
  return shown;
}

function openFromDesktop(path: string): void {
  if (!handlers) {
    pendingProject = path;
    return;
  }
  const target = showWindow();
  const open = (): void => send({ type: 'openRecent', path });
  if (target.webContents.isLoading()) target.webContents.once('did-finish-load', open);
  else open();
}

function start(): void {
  handlers = createApiHandlers({
    mode: 'electron',
    dataDir: defaultDataDir(),
    version: app.getVersion(),
    projectPath: pendingProject ?? projectPathFromArgv(process.argv, process.cwd()),
    showFileDialog: createFileDialog(dialog, () => ({ window: win ?? undefined, language })),
  });
  pendingProject = undefined;
  registerIpcHandlers(ipcMain, handlers, {
    appUrl: files.appUrl,
    onCalled: (name) => {
      if (MENU_CHANGING_CALLS.has(name)) void refreshMenu();
    },
  });
  openWindow();
  void refreshMenu();
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox(plainLabel(labelsFor(language).startupFailed), message);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const project = projectPathFromArgv(argv, workingDirectory);
    if (project) openFromDesktop(project);
    else if (handlers) showWindow();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromDesktop(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => handlers?.session.close());
  app.on('activate', () => {
    if (handlers && !win) openWindow();
  });
  app.whenReady().then(start).catch(fail);
}
