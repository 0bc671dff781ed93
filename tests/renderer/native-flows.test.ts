// The renderer's Electron-only paths, run with fakes: files dropped on the window (local paths from
// the preload under Electron, staged through POST /upload in browser mode) and the native open/save
// dialogs of import and export (through showFileDialog to electron/main/file-dialog.ts).
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, PreloadBridge, ProjectInfo } from '../../shared/api/contract.ts';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api/contract.ts';
import type { ImportPreview } from '../../shared/api/transfer.ts';
import { createFileDialog, type FileDialogHost } from '../../electron/main/file-dialog.ts';
import { setClient } from '../../renderer/api/runtime.ts';
import { appStore } from '../../renderer/app/state.ts';
import { pickExportPath } from '../../renderer/export/export-actions.ts';
import { exportStore, initialExportState } from '../../renderer/export/export-store.ts';
import { initI18n } from '../../renderer/i18n/i18n.ts';
import { closeImport, importDataFlow, importDroppedFiles } from '../../renderer/import/import-actions.ts';
import { IMPORT_EXTENSIONS } from '../../renderer/import/import-model.ts';
import { importStore } from '../../renderer/import/import-store.ts';
import { watchFileDrops, type DropTarget, type FileDragEvent } from '../../renderer/import/use-file-drop.ts';

const PROJECT: ProjectInfo = { path: '/data/南湖.gpkg', name: '南湖', demo: false, schemaVersion: 1, readOnly: false, layers: [], bbox: null };
const PREVIEW: ImportPreview = { format: 'shapefile', files: [], layers: [] };

/** An API client that answers the import's calls and records them; others are not expected. */
function fakeApi(overrides: Partial<AtlasApi> = {}) {
  const calls: { name: string; args: unknown }[] = [];
  const answers: Partial<AtlasApi> = {
    listCrs: async () => [],
    importPreview: async (args) => ({ ...PREVIEW, files: args.files }),
    ...overrides,
  };
  const api = new Proxy({} as AtlasApi, {
    get: (_t, name: string) => async (args: unknown) => {
      calls.push({ name, args });
      const answer = (answers as Record<string, (a: unknown) => Promise<unknown>>)[name];
      if (!answer) throw new Error(`unexpected API call ${name}`);
      return answer(args);
    },
  });
  return { api, calls };
}

/** Lets the actions' un-awaited work (listCrs, the preview) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

beforeEach(() => {
  initI18n('en');
  appStore.set({ project: PROJECT, appInfo: { mode: 'electron', language: 'en', version: '0.1.0', dataDir: '/data' }, message: null, dialog: null });
});
afterEach(() => {
  closeImport();
  vi.unstubAllGlobals();
});

describe('watchFileDrops', () => {
  function fakeWindow() {
    const listeners = new Map<string, (e: FileDragEvent) => void>();
    const target: DropTarget = {
      addEventListener: (type, fn) => listeners.set(type, fn),
      removeEventListener: (type, fn) => {
        if (listeners.get(type) === fn) listeners.delete(type);
      },
    };
    const fire = (type: string, files: File[] = [], types = ['Files']) => {
      const e = { dataTransfer: { types, files: files as unknown as FileList, dropEffect: 'none' as DataTransfer['dropEffect'] }, preventDefault: vi.fn() };
      listeners.get(type)?.(e);
      return e;
    };
    return { target, listeners, fire };
  }

  it('shows the overlay while files hover (through nested elements) and hands the dropped files over', () => {
    const { target, fire } = fakeWindow();
    const hover: boolean[] = [];
    const dropped: File[][] = [];
    watchFileDrops(target, { enabled: () => true, onHover: (h) => hover.push(h), onDrop: (f) => dropped.push(f) });
    expect(fire('dragenter').preventDefault).toHaveBeenCalled();
    fire('dragenter'); // a child element
    fire('dragleave');
    expect(hover).toEqual([true, true]);
    expect(fire('dragover').dataTransfer.dropEffect).toBe('copy');
    const files = [new File(['a'], '公园.shp'), new File(['b'], '公园.dbf')];
    expect(fire('drop', files).preventDefault).toHaveBeenCalled();
    expect(hover.at(-1)).toBe(false);
    expect(dropped).toEqual([files]);
  });

  it('still takes a file drop when disabled, so the window never navigates to the file, but imports nothing', () => {
    const { target, fire } = fakeWindow();
    const dropped: File[][] = [];
    const hover: boolean[] = [];
    watchFileDrops(target, { enabled: () => false, onHover: (h) => hover.push(h), onDrop: (f) => dropped.push(f) });
    fire('dragenter');
    expect(fire('dragover').dataTransfer.dropEffect).toBe('none');
    expect(fire('drop', [new File(['a'], 'a.csv')]).preventDefault).toHaveBeenCalled();
    expect(dropped).toEqual([]);
    expect(hover).not.toContain(true);
  });

  it('leaves drags of text or links alone, and stops listening when asked', () => {
    const { target, listeners, fire } = fakeWindow();
    const stop = watchFileDrops(target, { enabled: () => true, onHover: () => undefined, onDrop: () => undefined });
    expect(fire('drop', [], ['text/plain']).preventDefault).not.toHaveBeenCalled();
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('dropped files', () => {
  it('under Electron: imports them in place, at the paths the preload knows', async () => {
    const pathForFile = vi.fn((f: File) => `/home/li/下载/${f.name}`);
    vi.stubGlobal('window', { renewalAtlas: { pathForFile } as unknown as PreloadBridge });
    const { api, calls } = fakeApi();
    setClient(api);
    const files = [new File(['shp'], '公园.shp'), new File(['dbf'], '公园.dbf')];
    await importDroppedFiles(files);
    await settle();
    expect(pathForFile.mock.calls.map(([f]) => f)).toEqual(files);
    expect(importStore.get()).toMatchObject({ open: true, files: ['/home/li/下载/公园.shp', '/home/li/下载/公园.dbf'] });
    expect(calls.find((c) => c.name === 'importPreview')?.args).toEqual({ files: ['/home/li/下载/公园.shp', '/home/li/下载/公园.dbf'] });
  });

  it('under Electron: refuses a file that has no local path, naming it, and opens no import', async () => {
    vi.stubGlobal('window', { renewalAtlas: { pathForFile: () => '' } as unknown as PreloadBridge });
    setClient(fakeApi().api);
    const done = importDroppedFiles([new File(['x'], 'clipboard.csv')]);
    await settle();
    const message = appStore.get().message;
    expect(message).toMatchObject({ tone: 'error', title: 'Could not read the dropped files', detail: 'clipboard.csv is not a file on this computer' });
    message!.resolve('ok');
    await done;
    expect(importStore.get().open).toBe(false);
  });

  it('in browser mode: sends the bytes to POST /upload with the page’s token, one stage id per drop, and imports the staged copies', async () => {
    appStore.set({ appInfo: { mode: 'browser', language: 'en', version: '0.1.0', dataDir: '/data' } });
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', { querySelector: (q: string) => (q === 'meta[name="atlas-token"]' ? { getAttribute: () => 'page-token' } : null) });
    const posts: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      posts.push({ url, headers });
      return new Response(JSON.stringify({ ok: true, result: `/data/staging/${headers['x-stage-id']}/${decodeURIComponent(headers['x-file-name'])}` }));
    });
    const { api, calls } = fakeApi();
    setClient(api);
    await importDroppedFiles([new File(['shp'], 'roads.shp'), new File(['prj'], 'roads.prj')]);
    await settle();
    expect(posts.map((p) => [p.url, p.headers[TOKEN_HEADER]])).toEqual([[UPLOAD_PATH, 'page-token'], [UPLOAD_PATH, 'page-token']]);
    expect(new Set(posts.map((p) => p.headers['x-stage-id'])).size).toBe(1);
    const staged = importStore.get().files;
    expect(staged).toHaveLength(2);
    expect(staged[0]).toMatch(/^\/data\/staging\/[^/]+\/roads\.shp$/);
    expect(calls.find((c) => c.name === 'importPreview')?.args).toEqual({ files: staged });
  });
});

describe('native file dialogs (Electron) for import and export', () => {
  /** A fake of Electron's dialog module behind the real createFileDialog, wired as main.ts wires it. */
  function nativeDialogs(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
    const shown: { kind: 'open' | 'save'; options: OpenDialogOptions | SaveDialogOptions }[] = [];
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        shown.push({ kind: 'open', options: args.at(-1) as OpenDialogOptions });
        return { filePaths: [], ...answer };
      },
      showSaveDialog: async (...args: unknown[]) => {
        shown.push({ kind: 'save', options: args.at(-1) as SaveDialogOptions });
        return { ...answer };
      },
    } as unknown as FileDialogHost;
    const showFileDialog = createFileDialog(dialog, () => ({ language: 'en' }));
    const { api, calls } = fakeApi({ showFileDialog: (args) => showFileDialog(args) });
    setClient(api);
    return { shown, calls };
  }

  it('Import data…: several data files at once, filtered by the importable extensions', async () => {
    const { shown, calls } = nativeDialogs({ canceled: false, filePaths: ['/d/绿地.shp', '/d/绿地.dbf', '/d/绿地.prj'] });
    await importDataFlow();
    await settle();
    expect(calls[0]).toEqual({ name: 'showFileDialog', args: { purpose: 'open', extensions: [...IMPORT_EXTENSIONS], multiple: true, topic: 'import' } });
    expect(shown[0].kind).toBe('open');
    expect(shown[0].options).toMatchObject({
      title: 'Choose data files',
      properties: ['openFile', 'multiSelections'],
      filters: [{ extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) }, { name: 'All files', extensions: ['*'] }],
    });
    expect(importStore.get()).toMatchObject({ open: true, files: ['/d/绿地.shp', '/d/绿地.dbf', '/d/绿地.prj'] });
  });

  it('Import data…: cancelling the dialog opens no import', async () => {
    const { calls } = nativeDialogs({ canceled: true });
    await importDataFlow();
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['showFileDialog']);
    expect(importStore.get().open).toBe(false);
  });

  it('Export › Choose…: a save dialog titled for the export, filtered by the format, the extension added to a typed name', async () => {
    exportStore.set({ ...initialExportState, open: true, draft: { ...initialExportState.draft, format: 'gpkg', path: '/data/parks.gpkg' } });
    const { shown, calls } = nativeDialogs({ canceled: false, filePath: '/exports/公园' });
    await pickExportPath();
    expect(calls[0]).toEqual({ name: 'showFileDialog', args: { purpose: 'save', defaultPath: '/data/parks.gpkg', extensions: ['.gpkg'], topic: 'export' } });
    // A GeoPackage export is not "Save project as": the topic says it is an export.
    expect(shown[0]).toMatchObject({ kind: 'save', options: { title: 'Export to', filters: [{ extensions: ['gpkg'] }, { extensions: ['*'] }] } });
    expect(exportStore.get().draft.path).toBe('/exports/公园.gpkg');
  });

  it('Export › Choose…: cancelling keeps the path chosen before', async () => {
    exportStore.set({ ...initialExportState, open: true, draft: { ...initialExportState.draft, format: 'shapefile', path: '/data/roads.zip' } });
    const { shown } = nativeDialogs({ canceled: true });
    await pickExportPath();
    expect(shown[0]?.options).toMatchObject({ filters: [{ extensions: ['zip'] }, { extensions: ['*'] }] });
    expect(exportStore.get().draft.path).toBe('/data/roads.zip');
  });
});
