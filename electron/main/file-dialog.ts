import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
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
  return /\.gpkg$/i.test(filePath) ? filePath : `${filePath}.gpkg`;
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

/**
 * The `showFileDialog` the API handlers use under Electron: the native open or save dialog with a
 * GeoPackage filter. Resolves to the chosen path, or null when the user cancelled.
 */
export function createFileDialog(
  dialog: FileDialogHost,
  context: () => FileDialogContext,
): (purpose: FileDialogPurpose, defaultPath?: string) => Promise<string | null> {
  return async (purpose, defaultPath) => {
    const { window, language } = context();
    if (purpose === 'open') {
      const options = openDialogOptions(language, defaultPath);
      const picked = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    }
    const options = saveDialogOptions(purpose, language, defaultPath);
    const picked = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return picked.canceled || !picked.filePath ? null : withGpkgExtension(picked.filePath);
  };
}
