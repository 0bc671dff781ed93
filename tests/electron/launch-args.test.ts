import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFiles } from '../../electron/main/app-paths.ts';
import { projectPathFromArgv } from '../../electron/main/argv.ts';
import { isAppUrl } from '../../electron/main/security.ts';

describe('projectPathFromArgv', () => {
  it('takes a .gpkg argument, resolved against the working directory', () => {
    expect(projectPathFromArgv(['electron', '.', 'plans/南湖.gpkg'], '/home/planner')).toBe(path.resolve('/home/planner', 'plans/南湖.gpkg'));
  });

  it('keeps an absolute path and accepts any letter case of the extension', () => {
    expect(projectPathFromArgv(['RenewalAtlas', '/data/Parks.GPKG'], '/home/planner')).toBe(path.resolve('/data/Parks.GPKG'));
  });

  it('takes the last project when several are given', () => {
    expect(projectPathFromArgv(['atlas', '/a.gpkg', '/b.gpkg'], '/')).toBe(path.resolve('/b.gpkg'));
  });

  it('ignores flags, other files and the executable', () => {
    expect(projectPathFromArgv(['/opt/x.gpkg', '--open=/a.gpkg', '--inspect', 'notes.txt'], '/')).toBeUndefined();
  });

  it('gives nothing for an empty command line', () => {
    expect(projectPathFromArgv([], '/')).toBeUndefined();
  });
});

describe('appFiles', () => {
  it('finds the preload beside the bundle and the page in dist/renderer', () => {
    const files = appFiles(path.resolve('/opt/atlas/dist/electron'));
    expect(files.preload).toBe(path.resolve('/opt/atlas/dist/electron/preload.cjs'));
    expect(files.rendererHtml).toBe(path.resolve('/opt/atlas/dist/renderer/index.html'));
    expect(files.appUrl).toBe(`file://${path.resolve('/opt/atlas/dist/renderer/index.html')}`);
  });

  it('gives an app URL that matches the page even in a folder with spaces and Chinese', () => {
    const files = appFiles(path.resolve('/home/张 三/atlas/dist/electron'));
    expect(isAppUrl('file:///home/张 三/atlas/dist/renderer/index.html#/map', files.appUrl)).toBe(true);
  });
});
