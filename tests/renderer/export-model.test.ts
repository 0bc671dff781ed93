import { describe, expect, it } from 'vitest';
import { exportArgs, exportFileName, withFormatExtension, type ExportDraft } from '../../renderer/export/export-model.ts';

const draft: ExportDraft = { layerId: 'parks', scope: 'layer', format: 'geojson', crs: 'EPSG:4326', csvGeometry: 'wkt', path: '/out/公园.geojson' };

describe('export choices', () => {
  it('name the file after the title with the format\'s extension', () => {
    expect(exportFileName('公园/绿地: 2023', 'shapefile')).toBe('公园_绿地_ 2023.zip');
  });

  it('rename the target when the format changes', () => {
    expect(withFormatExtension('/out/公园.geojson', 'kml')).toBe('/out/公园.kml');
    expect(withFormatExtension('D:\\out\\公园.geojson', 'gpkg')).toBe('D:\\out\\公园.gpkg');
  });

  it('export one layer in WGS84 without a crs argument', () => {
    expect(exportArgs(draft, ['parks', 'roads'], null, false)).toEqual({ layerIds: ['parks'], format: 'geojson', path: '/out/公园.geojson' });
  });

  it('export the selected feature of the layer only', () => {
    const args = exportArgs({ ...draft, scope: 'selection' }, ['parks'], { layerId: 'parks', fid: 7 }, false);
    expect(args?.fids).toEqual([7]);
    expect(exportArgs({ ...draft, scope: 'selection' }, ['parks'], { layerId: 'roads', fid: 7 }, false)).toBeNull();
  });

  it('export the whole project to another CRS, CSV geometry as asked', () => {
    const args = exportArgs({ ...draft, scope: 'project', format: 'csv', crs: 'EPSG:4549', csvGeometry: 'lonlat' }, ['parks', 'roads'], null, true);
    expect(args).toEqual({ layerIds: ['parks', 'roads'], format: 'csv', crs: 'EPSG:4549', csvGeometry: 'lonlat', path: '/out/公园.geojson', overwrite: true });
  });

  it('never send a CRS with KML', () => {
    expect(exportArgs({ ...draft, format: 'kml', crs: 'EPSG:4549' }, ['parks'], null, false)).not.toHaveProperty('crs');
  });

  it('need a path', () => {
    expect(exportArgs({ ...draft, path: ' ' }, ['parks'], null, false)).toBeNull();
  });
});
