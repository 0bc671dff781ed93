import { client } from '../api/runtime.ts';
import { joinPath } from '../files/paths.ts';
import { appStore, type FilePurpose, type FileRequest, type Template } from './state.ts';

/**
 * Asks the user for files. Electron shows its native dialog (through the API);
 * browser mode shows the app's own dialog, which browses the disk through the API. Resolves null when
 * cancelled.
 */
export async function pickFiles(request: FileRequest): Promise<string[] | null> {
  const { appInfo } = appStore.get();
  if (appInfo?.mode === 'electron') {
    const { purpose, defaultName, extensions, multiple, saveExtension, topic } = request;
    const defaultPath = defaultName && appInfo.dataDir ? joinPath(appInfo.dataDir, defaultName) : undefined;
    // Saving: the extension a typed name gets goes first.
    const exts = saveExtension ? [saveExtension, ...(extensions ?? []).filter((e) => e !== saveExtension)] : extensions;
    return client().showFileDialog({
      purpose,
      ...(defaultPath ? { defaultPath } : {}),
      ...(exts ? { extensions: [...exts] } : {}),
      ...(multiple ? { multiple } : {}),
      ...(topic ? { topic } : {}),
    });
  }
  return new Promise((resolve) => {
    appStore.set({
      dialog: {
        type: 'file',
        request,
        resolve: (paths) => {
          appStore.set({ dialog: null });
          resolve(paths);
        },
      },
    });
  });
}

/** Asks the user for a project path (a .gpkg file); null when cancelled. */
export async function pickPath(purpose: FilePurpose, defaultName?: string): Promise<string | null> {
  const paths = await pickFiles({ purpose, defaultName });
  return paths?.[0] ?? null;
}

/** Asks which template a new project starts from (the Jiaxing demo or empty). */
export function chooseTemplate(): Promise<Template | null> {
  return new Promise((resolve) => {
    appStore.set({
      dialog: {
        type: 'newProject',
        resolve: (template) => {
          appStore.set({ dialog: null });
          resolve(template);
        },
      },
    });
  });
}

export function openAbout(): void {
  appStore.set({ dialog: { type: 'about' } });
}

/** Closes whatever dialog is open, answering "cancel" to whoever waits on it. */
export function cancelDialog(): void {
  const { dialog } = appStore.get();
  if (dialog?.type === 'file') dialog.resolve(null);
  else if (dialog?.type === 'newProject') dialog.resolve(null);
  else appStore.set({ dialog: null });
}
