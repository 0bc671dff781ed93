import type { BaseWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogRequest } from '../api/handlers.ts';
import { labelsFor, plainLabel, type MenuLanguage } from './menu-labels.ts';

/** Why a file is being chosen. */
export type FileDialogPurpose = 'open' | 'save' | 'new';

/** The part of Electron's `dialog` used here. */
export type FileDialogHost = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** What the dialog needs at the moment it opens. */
export interface FileDialogContext {
  /** The window the dialog belongs to (modal), if any. */
  window?: BaseWindow;
  language: MenuLanguage;
}

/** `path` ending in `.gpkg` (added when the user typed a name without it). */
export function withGpkgExtension(filePath: string): string {
  return withExtension(filePath, '.gpkg');
}

/** `path` ending in `ext` (added when the user typed a name without it). */
export function withExtension(filePath: string, ext: string): string {
  return filePath.toLowerCase().endsWith(ext.toLowerCase()) ? filePath : `${filePath}${ext}`;
}

/** Filters for data files (import/export) instead of projects: the given extensions, then all files. */
export function dataFilters(extensions: readonly string[], language: MenuLanguage): FileFilter[] {
  const names = extensions.map((e) => e.replace(/^\./, ''));
  const all: FileFilter = { name: language === 'zh' ? '所有文件' : 'All files', extensions: ['*'] };
  if (names.length === 0) return [all];
  return [{ name: language === 'zh' ? `数据文件 (${names.join(', ')})` : `Data files (${names.join(', ')})`, extensions: names }, all];
}

/** Options of the native open dialog: one existing GeoPackage. */
export function openDialogOptions(language: MenuLanguage, defaultPath?: string): OpenDialogOptions {
  const labels = labelsFor(language);
  return {
    title: plainLabel(labels.dialogOpenTitle),
    defaultPath,
    properties: ['openFile'],
    filters: [{ name: plainLabel(labels.geopackageFilter), extensions: ['gpkg'] }],
  };
}

/** Options of the native save dialog, for a new project or a copy of the open one. */
export function saveDialogOptions(purpose: 'save' | 'new', language: MenuLanguage, defaultPath?: string): SaveDialogOptions {
  const labels = labelsFor(language);
  return {
    title: plainLabel(purpose === 'new' ? labels.dialogNewTitle : labels.dialogSaveTitle),
    defaultPath,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: [{ name: plainLabel(labels.geopackageFilter), extensions: ['gpkg'] }],
  };
}

/** True when the dialog is for data files (import, export) rather than a project: by its topic, else by its extensions. */
export function isDataDialog({ topic, extensions }: Pick<FileDialogRequest, 'topic' | 'extensions'>): boolean {
  if (topic) return topic !== 'project';
  return !!extensions && !(extensions.length === 1 && extensions[0].toLowerCase() === '.gpkg');
}

/**
 * The `showFileDialog` the API handlers use under Electron: the native open or save dialog, modal to
 * the window. Projects get the GeoPackage filter and project titles; data files (import: several
 * at once when `multiple`; export) get their extensions as the filter, then "All files". Resolves
 * to the chosen paths (a typed save name gets the first extension), or null when the user cancelled.
 */
export function createFileDialog(
  dialog: FileDialogHost,
  context: () => FileDialogContext,
): (request: FileDialogRequest) => Promise<string[] | null> {
  return async (request) => {
    const { purpose, defaultPath, extensions = [], multiple } = request;
    const { window, language } = context();
    const data = isDataDialog(request);
    if (purpose === 'open') {
      const base = openDialogOptions(language, defaultPath);
      const options: OpenDialogOptions = data
        ? { ...base, title: language === 'zh' ? '选择数据文件' : 'Choose data files', filters: dataFilters(extensions, language) }
        : base;
      if (multiple) options.properties = ['openFile', 'multiSelections'];
      const picked = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths;
    }
    const base = saveDialogOptions(purpose, language, defaultPath);
    const options: SaveDialogOptions = data ? { ...base, title: language === 'zh' ? '导出到' : 'Export to', filters: dataFilters(extensions, language) } : base;
    const picked = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return picked.canceled || !picked.filePath ? null : [withExtension(picked.filePath, extensions[0] ?? '.gpkg')];
  };
}
