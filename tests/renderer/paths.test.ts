import { describe, expect, it } from 'vitest';
import { baseName, dialogTarget, dirName, extensionOf, joinPath, splitNames, stemOf } from '../../renderer/files/paths.ts';

describe('file dialog paths', () => {
  it('joins a name to a POSIX folder', () => {
    expect(joinPath('/home/planner', 'a.gpkg')).toBe('/home/planner/a.gpkg');
  });

  it('joins a name to a Windows folder with a backslash', () => {
    expect(joinPath('D:\\项目', '嘉兴.gpkg')).toBe('D:\\项目\\嘉兴.gpkg');
  });

  it('does not double the separator of a root folder', () => {
    expect(joinPath('/', 'a.gpkg')).toBe('/a.gpkg');
  });

  it('adds .gpkg when saving', () => {
    expect(dialogTarget('/data', ' 新项目 ', 'save')).toBe('/data/新项目.gpkg');
  });

  it('keeps the typed name when opening', () => {
    expect(dialogTarget('/data', 'old.sqlite', 'open')).toBe('/data/old.sqlite');
  });

  it('takes an absolute typed path as is', () => {
    expect(dialogTarget('/data', '/tmp/x.gpkg', 'new')).toBe('/tmp/x.gpkg');
  });

  it('answers null when no name was typed', () => {
    expect(dialogTarget('/data', '  ', 'save')).toBeNull();
  });

  it('splits folder and name', () => {
    expect([dirName('/tmp/demo.gpkg'), baseName('/tmp/demo.gpkg')]).toEqual(['/tmp', 'demo.gpkg']);
  });

  it('gives an export the extension of its format', () => {
    expect(dialogTarget('/data', '公园', 'save', '.zip')).toBe('/data/公园.zip');
  });

  it('does not double an extension typed in another case', () => {
    expect(dialogTarget('/data', 'parks.GeoJSON', 'save', '.geojson')).toBe('/data/parks.GeoJSON');
  });

  it('reads extension and stem of a Windows path', () => {
    expect([extensionOf('D:\\数据\\公园.SHP'), stemOf('D:\\数据\\公园.SHP')]).toEqual(['.shp', '公园']);
  });

  it('splits several picked names', () => {
    expect(splitNames(' a.shp; a.dbf ;; ')).toEqual(['a.shp', 'a.dbf']);
  });
});
