import { describe, expect, it } from 'vitest';
import type { DirEntry } from '../../shared/api/contract.ts';
import { clickSelection, withShapefileSiblings } from '../../renderer/files/file-selection.ts';

const file = (name: string): DirEntry => ({ name, path: `/d/${name}`, type: 'file' });

describe('file dialog selection', () => {
  it('replaces the pick on a plain click and extends it with Ctrl/Shift', () => {
    expect(clickSelection(['a.csv'], 'b.csv', false)).toEqual(['b.csv']);
    expect(clickSelection(['a.csv'], 'b.csv', true)).toEqual(['a.csv', 'b.csv']);
    expect(clickSelection(['a.csv', 'b.csv'], 'a.csv', true)).toEqual(['b.csv']);
  });

  it('brings a shapefile\'s sidecars along, and only its own', () => {
    const entries = [file('公园.shp'), file('公园.DBF'), file('公园.prj'), file('公园.cpg'), file('道路.dbf'), file('公园.csv'), { name: '公园.shx', path: '/d/公园.shx', type: 'dir' as const }];
    expect(withShapefileSiblings(['公园.shp'], entries)).toEqual(['公园.shp', '公园.DBF', '公园.prj', '公园.cpg']);
  });
});
