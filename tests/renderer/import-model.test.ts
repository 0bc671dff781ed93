import { describe, expect, it } from 'vitest';
import type { PreviewLayer } from '../../shared/api/transfer.ts';
import { getKind } from '../../shared/layers/index.ts';
import {
  canStartImport,
  crsChoices,
  defaultTitle,
  geometryFits,
  guessCoordinateColumns,
  importArgs,
  initialTarget,
  mappingForKind,
  previewQuestion,
  problemCounts,
  withOption,
} from '../../renderer/import/import-model.ts';

function layer(patch: Partial<PreviewLayer> = {}): PreviewLayer {
  return {
    index: 0,
    name: 'parks',
    featureCount: 3,
    geometryTypes: ['Polygon'],
    crs: { id: 'EPSG:4326', name: 'WGS 84' },
    crsCandidates: [],
    fields: [{ key: 'MC', type: 'TEXT' }, { key: 'LX', type: 'TEXT' }],
    sampleRows: [],
    sample: { type: 'FeatureCollection', features: [] },
    bbox: [120.7, 30.7, 120.8, 30.8],
    problems: [],
    problemCount: 0,
    invalidCount: 0,
    notes: [],
    suggestedKind: 'park',
    mapping: { 名称: 'MC', 类型: 'LX', 面积: null, 状态: null, 计划年度: null },
    ...patch,
  };
}

describe('import target', () => {
  it('is titled after the main file, not a sidecar', () => {
    expect(defaultTitle(['/s/公园.dbf', '/s/公园.shp'], [layer()], 0)).toBe('公园');
  });

  it('is titled after the layer when the file holds several', () => {
    expect(defaultTitle(['/s/plan.gpkg'], [layer({ name: 'roads' }), layer({ index: 1, name: 'parks' })], 1)).toBe('parks');
  });

  it('starts as a new layer of the suggested kind with the host\'s mapping', () => {
    expect(initialTarget(['/s/p.geojson'], [layer()], 0)).toMatchObject({ mode: 'new', kind: 'park', title: 'p', mapping: { 名称: 'MC' } });
  });

  it('guesses a mapping for another kind by field names', () => {
    const l = layer({ fields: [{ key: 'name', type: 'TEXT' }, { key: 'spaces', type: 'INTEGER' }] });
    const mapping = mappingForKind('parking_lot', l);
    expect(mapping['名称']).toBe('name');
    expect(mapping['泊位数']).toBe('spaces');
  });

  it('needs the skip choice when features cannot be imported', () => {
    const preview = { format: 'GeoJSON', files: [], layers: [layer({ invalidCount: 2 })] };
    const target = initialTarget(['/s/p.geojson'], preview.layers, 0);
    expect(canStartImport({ preview, layerIndex: 0, target, invalidChoice: null })).toBe(false);
    expect(canStartImport({ preview, layerIndex: 0, target, invalidChoice: 'refuse' })).toBe(false);
    expect(canStartImport({ preview, layerIndex: 0, target, invalidChoice: 'skip' })).toBe(true);
  });

  it('needs a title for a new layer', () => {
    const preview = { format: 'GeoJSON', files: [], layers: [layer()] };
    const target = { ...initialTarget(['/s/p.geojson'], preview.layers, 0), title: '  ' };
    expect(canStartImport({ preview, layerIndex: 0, target, invalidChoice: null })).toBe(false);
  });

  it('sends the mapping for a kind and none for a generic layer', () => {
    const base = { files: ['/s/p.geojson'], options: {}, layerIndex: 0, invalidChoice: null };
    const target = initialTarget(base.files, [layer()], 0);
    expect(importArgs({ ...base, target }).target).toEqual({ mode: 'new', kind: 'park', title: 'p', mapping: target.mapping });
    expect(importArgs({ ...base, target: { ...target, kind: 'generic' } }).target).toEqual({ mode: 'new', kind: 'generic', title: 'p' });
  });

  it('appends with the mapping and skips invalid features when told', () => {
    const args = importArgs({
      files: ['/s/p.csv'],
      options: { x: 'lon', y: 'lat' },
      layerIndex: 0,
      invalidChoice: 'skip',
      target: { mode: 'append', kind: 'generic', title: '', appendLayerId: 'parks', mapping: { 名称: 'MC' } },
    });
    expect(args).toEqual({
      files: ['/s/p.csv'],
      options: { x: 'lon', y: 'lat' },
      layerIndex: 0,
      target: { mode: 'append', layerId: 'parks', mapping: { 名称: 'MC' } },
      skipInvalid: true,
    });
  });
});

describe('import preview questions', () => {
  it('reads the CSV columns the host lists as an array, names with commas and spaces intact', () => {
    const columns = ['id', '名称, 别名', ' X坐标 ', '纬度'];
    const q = previewQuestion({ code: 'needs_input', message: 'give x and y', params: { file: 'a.csv', columns } });
    expect(q).toEqual({ type: 'columns', columns });
  });

  it('offers no column for a columns parameter that is not a list', () => {
    expect(previewQuestion({ code: 'needs_input', message: 'give x and y', params: { columns: 'id, x' } })).toEqual({ type: 'columns', columns: [] });
  });

  it('asks about geometry only when the .dbf is missing', () => {
    expect(previewQuestion({ code: 'needs_input', message: 'x.shp has no .dbf: import geometry only?', params: { file: 'x.shp' } }).type).toBe('noAttributes');
  });

  it('asks for a CRS when coordinates do not fit or none is declared', () => {
    expect(previewQuestion({ code: 'bad_coordinates', message: 'metres read as degrees' }).type).toBe('crs');
    expect(previewQuestion({ code: 'needs_input', message: 'does not say which coordinate system', params: { layer: 'a' } }).type).toBe('crs');
  });

  it('asks for the CRS again when the one typed cannot be used (an unknown EPSG code)', () => {
    const error = { code: 'invalid_argument' as const, message: 'EPSG:99999 is not the code of a coordinate system in the EPSG registry', params: { option: 'crs', given: 'EPSG:99999', code: 99999 } };
    expect(previewQuestion(error).type).toBe('crsInvalid');
    expect(previewQuestion({ ...error, params: { name: 'importPreview', field: 'files' } }).type).toBe('none');
  });

  it('asks nothing for a broken file', () => {
    expect(previewQuestion({ code: 'invalid_file', message: 'bad' }).type).toBe('none');
  });

  it('guesses lon/lat and WKT columns', () => {
    expect(guessCoordinateColumns(['名称', '经度', '纬度'])).toEqual({ x: '经度', y: '纬度', wkt: undefined });
    expect(guessCoordinateColumns(['id', 'WKT'])).toEqual({ x: undefined, y: undefined, wkt: 'WKT' });
  });
});

describe('import options and choices', () => {
  it('drops emptied options', () => {
    expect(withOption({ encoding: 'gbk', x: 'a', y: 'b' }, { encoding: '', wkt: 'g', x: undefined, y: undefined })).toEqual({ wkt: 'g' });
  });

  it('offers the candidates first, then the rest, and keeps a custom CRS in use', () => {
    const all = [{ id: 'EPSG:4326', name: 'WGS 84' }, { id: 'GCJ02', name: 'GCJ-02' }, { id: 'EPSG:4549', name: 'CGCS2000 120E' }];
    const { suggested, others } = crsChoices([{ id: 'GCJ02', name: 'GCJ-02' }], all, { id: 'CUSTOM', name: 'custom' });
    expect(suggested.map((c) => c.id)).toEqual(['CUSTOM', 'GCJ02']);
    expect(others.map((c) => c.id)).toEqual(['EPSG:4326', 'EPSG:4549']);
  });

  it('warns when points go into a polygon kind', () => {
    expect(geometryFits(getKind('park').geometry, ['Point'])).toBe(false);
    expect(geometryFits(getKind('park').geometry, ['Polygon', 'MultiPolygon'])).toBe(true);
    expect(geometryFits('GEOMETRY', ['Point', 'LineString'])).toBe(true);
  });

  it('counts problems by kind', () => {
    const p = (kind: 'unclosed_ring' | 'self_intersection') => ({ feature: 1, kind, message: '', fixed: true });
    expect(problemCounts([p('unclosed_ring'), p('self_intersection'), p('unclosed_ring')])).toEqual([
      { kind: 'unclosed_ring', count: 2 },
      { kind: 'self_intersection', count: 1 },
    ]);
  });
});
