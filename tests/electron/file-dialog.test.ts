import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createFileDialog, dataFilters, isDataDialog, withGpkgExtension, type FileDialogHost } from '../../electron/main/file-dialog.ts';

type Answer = { canceled: boolean; filePaths?: string[]; filePath?: string };

/** A stand-in for Electron's dialog module recording each call's window and options. */
function fakeDialog(answer: Answer) {
  const calls: { kind: 'open' | 'save'; window: unknown; options: OpenDialogOptions | SaveDialogOptions }[] = [];
  const record = (kind: 'open' | 'save') => async (...args: unknown[]) => {
    const [window, options] = args.length === 2 ? args : [undefined, args[0]];
    calls.push({ kind, window, options: options as OpenDialogOptions });
    return { filePaths: [], ...answer };
  };
  const dialog = { showOpenDialog: record('open'), showSaveDialog: record('save') };
  return { dialog: dialog as unknown as FileDialogHost, calls };
}

const WINDOW = { id: 1 } as unknown as BaseWindow;

describe('createFileDialog', () => {
  it('opens one GeoPackage with the native open dialog, modal to the window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/data/南湖.gpkg'] });
    const show = createFileDialog(dialog, () => ({ window: WINDOW, language: 'zh' }));
    expect(await show({ purpose: 'open', defaultPath: '/data' })).toEqual(['/data/南湖.gpkg']);
    expect(calls).toEqual([
      {
        kind: 'open',
        window: WINDOW,
        options: {
          title: '打开项目',
          defaultPath: '/data',
          properties: ['openFile'],
          filters: [{ name: 'GeoPackage 项目文件', extensions: ['gpkg'] }],
        },
      },
    ]);
  });

  it('answers null when the user cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true });
    const show = createFileDialog(dialog, () => ({ window: WINDOW, language: 'en' }));
    expect(await show({ purpose: 'open' })).toBeNull();
    expect(await show({ purpose: 'save' })).toBeNull();
  });

  it('saves with the save dialog and adds the .gpkg extension when it is missing', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/data/copy' });
    const show = createFileDialog(dialog, () => ({ window: WINDOW, language: 'en' }));
    expect(await show({ purpose: 'save' })).toEqual(['/data/copy.gpkg']);
    expect(calls[0]?.kind).toBe('save');
    expect(calls[0]?.options).toMatchObject({ title: 'Save project as', filters: [{ extensions: ['gpkg'] }] });
  });

  it('titles the dialog for a new project in the current language', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/data/new.gpkg' });
    const show = createFileDialog(dialog, () => ({ language: 'zh' }));
    expect(await show({ purpose: 'new' })).toEqual(['/data/new.gpkg']);
    expect(calls[0]).toMatchObject({ kind: 'save', window: undefined, options: { title: '新建项目' } });
  });
});

describe('createFileDialog for data files', () => {
  it('picks several data files for an import, with their extensions as the filter', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/d/a.shp', '/d/a.dbf'] });
    const show = createFileDialog(dialog, () => ({ language: 'en' }));
    expect(await show({ purpose: 'open', extensions: ['.shp', '.dbf', '.zip'], multiple: true })).toEqual(['/d/a.shp', '/d/a.dbf']);
    expect(calls[0]?.options).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ extensions: ['shp', 'dbf', 'zip'] }, { extensions: ['*'] }] });
  });

  it('adds the export format’s extension, not .gpkg, to a typed name', async () => {
    const { dialog } = fakeDialog({ canceled: false, filePath: '/d/parks' });
    const show = createFileDialog(dialog, () => ({ language: 'zh' }));
    expect(await show({ purpose: 'save', extensions: ['.zip'] })).toEqual(['/d/parks.zip']);
  });
});

describe('createFileDialog by topic', () => {
  it('titles and filters a GeoPackage export as an export, not as "Save project as"', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/d/绿地' });
    const show = createFileDialog(dialog, () => ({ window: WINDOW, language: 'zh' }));
    expect(await show({ purpose: 'save', extensions: ['.gpkg'], topic: 'export' })).toEqual(['/d/绿地.gpkg']);
    expect(calls[0]).toMatchObject({
      kind: 'save',
      window: WINDOW,
      options: { title: '导出到', filters: [{ name: '数据文件 (gpkg)', extensions: ['gpkg'] }, { name: '所有文件', extensions: ['*'] }] },
    });
  });

  it('opens one data file without multiple selection, and answers null for an empty pick', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: [] });
    const show = createFileDialog(dialog, () => ({ language: 'en' }));
    expect(await show({ purpose: 'open', extensions: ['.csv'], topic: 'import' })).toBeNull();
    expect(calls[0]?.options).toMatchObject({ title: 'Choose data files', properties: ['openFile'] });
  });

  it('cancels a data save with null', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePath: '/d/ignored.csv' });
    expect(await createFileDialog(dialog, () => ({ language: 'en' }))({ purpose: 'save', extensions: ['.csv'], topic: 'export' })).toBeNull();
  });

  it('keeps the extension of a typed name that has it, in any letter case', async () => {
    const { dialog } = fakeDialog({ canceled: false, filePath: '/d/Parks.GEOJSON' });
    expect(await createFileDialog(dialog, () => ({ language: 'en' }))({ purpose: 'save', extensions: ['.geojson'], topic: 'export' })).toEqual(['/d/Parks.GEOJSON']);
  });
});

describe('isDataDialog and dataFilters', () => {
  it('goes by the topic, else by extensions other than a lone .gpkg', () => {
    expect(isDataDialog({ topic: 'project', extensions: ['.gpkg'] })).toBe(false);
    expect(isDataDialog({ topic: 'export', extensions: ['.gpkg'] })).toBe(true);
    expect(isDataDialog({ extensions: ['.gpkg'] })).toBe(false);
    expect(isDataDialog({ extensions: ['.shp', '.zip'] })).toBe(true);
    expect(isDataDialog({})).toBe(false);
  });

  it('lists the extensions without their dots, then all files; only all files when there are none', () => {
    expect(dataFilters(['.shp', '.zip'], 'en')).toEqual([
      { name: 'Data files (shp, zip)', extensions: ['shp', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(dataFilters([], 'zh')).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });
});

describe('withGpkgExtension', () => {
  it('adds .gpkg only when missing', () => {
    expect(withGpkgExtension('/a/b')).toBe('/a/b.gpkg');
    expect(withGpkgExtension('/a/b.GPKG')).toBe('/a/b.GPKG');
    expect(withGpkgExtension('/a/b.gpkg.bak')).toBe('/a/b.gpkg.bak.gpkg');
  });
});
