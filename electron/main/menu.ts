import type { MenuItemConstructorOptions } from 'electron';
import type { ApiName, MenuCommand } from '../../shared/api/contract.ts';
import { escapeMnemonics, labelsFor, plainLabel, type MenuLanguage, type NativeLabels } from './menu-labels.ts';

/** What the native menu is built from. */
export interface MenuTemplateOptions {
  language: MenuLanguage;
  /** Recent projects, most recent first. */
  recent: readonly { path: string; name: string }[];
  isMac: boolean;
  /** Delivers a command to the renderer. */
  send: (cmd: MenuCommand) => void;
}

/** Entries shown under File → Recent. */
export const MAX_RECENT_ITEMS = 10;

/** API calls after which the menu may have changed (the recent list, or the UI language). */
export const MENU_CHANGING_CALLS: ReadonlySet<ApiName> = new Set<ApiName>(['newProject', 'openProject', 'saveProjectAs', 'setLanguage']);

/**
 * The application menu as a template for `Menu.buildFromTemplate`. Pure: every item of ours calls
 * `send` with its MenuCommand; reload, full screen and quit are Electron roles.
 */
export function buildMenuTemplate(opts: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const raw = labelsFor(opts.language);
  // macOS has no access keys; elsewhere `&` in outside text must be doubled to show.
  const label = (key: keyof Omit<NativeLabels, 'languageNames'>): string => (opts.isMac ? plainLabel(raw[key]) : raw[key]);
  const outside = (text: string): string => (opts.isMac ? text : escapeMnemonics(text));
  const { send } = opts;

  const recentItems: MenuItemConstructorOptions[] = opts.recent.length
    ? opts.recent.slice(0, MAX_RECENT_ITEMS).map((project) => ({
        label: outside(`${project.name} — ${project.path}`),
        click: () => send({ type: 'openRecent', path: project.path }),
      }))
    : [{ label: label('recentEmpty'), enabled: false }];

  const about: MenuItemConstructorOptions = { label: label('about'), click: () => send({ type: 'about' }) };

  const file: MenuItemConstructorOptions = {
    label: label('file'),
    submenu: [
      { label: label('newProject'), accelerator: 'CmdOrCtrl+N', click: () => send({ type: 'newProject' }) },
      { label: label('openProject'), accelerator: 'CmdOrCtrl+O', click: () => send({ type: 'openProject' }) },
      { label: label('recent'), submenu: recentItems },
      { type: 'separator' },
      { label: label('saveProjectAs'), accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ type: 'saveProjectAs' }) },
      { type: 'separator' },
      { label: label('importData'), accelerator: 'CmdOrCtrl+I', click: () => send({ type: 'importData' }) },
      { label: label('exportData'), accelerator: 'CmdOrCtrl+E', click: () => send({ type: 'exportData' }) },
      // On macOS Quit lives in the application menu.
      ...(opts.isMac ? [] : [{ type: 'separator' } as const, { label: label('quit'), role: 'quit' } as const]),
    ],
  };

  const languages: MenuLanguage[] = ['zh', 'en'];
  const view: MenuItemConstructorOptions = {
    label: label('view'),
    submenu: [
      { label: label('zoomAll'), accelerator: 'CmdOrCtrl+0', click: () => send({ type: 'zoomAll' }) },
      { label: label('toggleLayerPanel'), accelerator: 'CmdOrCtrl+B', click: () => send({ type: 'toggleLayerPanel' }) },
      { label: label('toggleAttributeTable'), accelerator: 'CmdOrCtrl+T', click: () => send({ type: 'toggleAttributeTable' }) },
      { label: label('toggleAnalysisPanel'), accelerator: 'CmdOrCtrl+Shift+A', click: () => send({ type: 'toggleAnalysisPanel' }) },
      { type: 'separator' },
      {
        label: label('language'),
        submenu: languages.map((language) => ({
          label: raw.languageNames[language],
          type: 'radio' as const,
          checked: language === opts.language,
          click: () => send({ type: 'setLanguage', language }),
        })),
      },
      { type: 'separator' },
      { label: label('reload'), role: 'reload' },
      { label: label('toggleFullscreen'), role: 'togglefullscreen' },
    ],
  };

  // The help role (macOS only) adds the system's menu search.
  const help: MenuItemConstructorOptions = { label: label('help'), submenu: [about], ...(opts.isMac ? { role: 'help' as const } : {}) };

  if (!opts.isMac) return [file, view, help];

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      about,
      { type: 'separator' },
      { label: label('services'), role: 'services' },
      { type: 'separator' },
      { label: label('hide'), role: 'hide' },
      { label: label('hideOthers'), role: 'hideOthers' },
      { label: label('showAll'), role: 'unhide' },
      { type: 'separator' },
      { label: label('quit'), role: 'quit' },
    ],
  };
  // Without an Edit menu macOS gives text fields no copy/paste shortcuts.
  const edit: MenuItemConstructorOptions = {
    label: label('edit'),
    submenu: [
      { label: label('undo'), role: 'undo' },
      { label: label('redo'), role: 'redo' },
      { type: 'separator' },
      { label: label('cut'), role: 'cut' },
      { label: label('copy'), role: 'copy' },
      { label: label('paste'), role: 'paste' },
      { label: label('selectAll'), role: 'selectAll' },
    ],
  };
  return [appMenu, file, edit, view, help];
}
