import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../../../shared/api/contract.ts';
import { analysisRequest } from '../../../shared/api/analysis-runs.ts';
import type { KindId } from '../../../shared/layers/types.ts';
import { initialDraft, withDistance, withMode, withPreset, withType, type AnalysisDraft } from '../../../renderer/analysis/draft-model.ts';
import { buildRequest, requestLayerIds, validateDraft } from '../../../renderer/analysis/request-model.ts';

function layer(id: string, kind: KindId, order: number): LayerInfo {
  return { id, kind, title: id, geometryType: 'POLYGON', featureCount: 1, bbox: null, visible: true, opacity: 1, order, fields: [] };
}

const LAYERS = [layer('districts', 'district', 0), layer('roads', 'road', 1), layer('homes', 'residential_area', 2), layer('parcels', 'renewal_parcel', 3), layer('parks', 'park', 4)];
const base = () => initialDraft(LAYERS);

describe('analysis requests', () => {
  it('name the preset, mode, plan and layers, and nothing the planner left as it was', () => {
    const request = buildRequest({ ...base(), plan: 'compare' }, LAYERS);
    expect(request).toEqual({ preset: 'green-5min', mode: 'straight', plan: 'compare', layers: { facilities: 'parks', targets: 'homes', districts: 'districts' } });
    expect(analysisRequest.safeParse(request).success).toBe(true);
  });

  it('carry what was changed: distance, smallest area, types, street width, entrance distance, sites', () => {
    let d: AnalysisDraft = withMode(base(), 'walk');
    d = withType(withDistance(d, '450'), '口袋公园', true);
    d = { ...d, minArea: '', streetWidth: '80', entranceTolerance: '15', sitesOn: true, k: '3' };
    const request = buildRequest(d, LAYERS);
    expect(request).toEqual({
      preset: 'green-5min',
      mode: 'walk',
      plan: 'all',
      distance: 450,
      minArea: 0,
      types: ['口袋公园'],
      streetWidth: 80,
      entranceTolerance: 15,
      layers: { facilities: 'parks', targets: 'homes', streets: 'roads', districts: 'districts' },
      sites: { candidates: 'parcels', k: 3 },
    });
    expect(analysisRequest.safeParse(request).success).toBe(true);
    expect(requestLayerIds(request!)).toEqual({ facilities: 'parks', targets: 'homes', streets: 'roads', districts: 'districts', candidates: 'parcels' });
  });

  it('send no distance for a size-tiered preset left empty, and one when typed', () => {
    const park = withPreset(base(), 'park-service', LAYERS);
    expect(buildRequest(park, LAYERS)?.distance).toBeUndefined();
    expect(buildRequest(withDistance(park, '500'), LAYERS)?.distance).toBe(500);
  });

  it('leave out districts when none is chosen', () => {
    const d = { ...base(), layers: { ...base().layers, districts: '' } };
    expect(buildRequest(d, LAYERS)?.layers).toEqual({ facilities: 'parks', targets: 'homes' });
  });
});

describe('form checks', () => {
  it('pass the initial form', () => {
    expect(validateDraft(base(), LAYERS)).toEqual({});
  });

  it('name each wrong field with its message', () => {
    const d: AnalysisDraft = { ...withMode(base(), 'walk'), distance: 'abc', minArea: '-5', streetWidth: '0', entranceTolerance: '-1', sitesOn: true, k: '2.5', candidates: '' };
    const problems = validateDraft({ ...d, layers: { ...d.layers, streets: '', targets: 'gone' } }, LAYERS);
    expect(problems).toEqual({
      distance: { key: 'notNumber' },
      minArea: { key: 'atLeast', params: { min: 0 } },
      streetWidth: { key: 'aboveZero', params: { min: 0 } },
      entranceTolerance: { key: 'atLeast', params: { min: 0 } },
      targets: { key: 'layerGone' },
      streets: { key: 'layerMissing' },
      candidates: { key: 'layerMissing' },
      k: { key: 'notInteger' },
    });
    expect(buildRequest(d, LAYERS)).toBeNull();
  });

  it('keep distances and site counts within what the API takes', () => {
    expect(validateDraft(withDistance(base(), '0'), LAYERS).distance).toEqual({ key: 'aboveZero', params: { min: 0 } });
    expect(validateDraft(withDistance(base(), '200000'), LAYERS).distance).toEqual({ key: 'atMost', params: { max: 100000 } });
    expect(validateDraft({ ...base(), sitesOn: true, k: '101' }, LAYERS).k).toEqual({ key: 'atMost', params: { max: 100 } });
  });

  it('ask for no street layer or width in straight-line mode', () => {
    const d = { ...base(), streetWidth: 'x', layers: { ...base().layers, streets: '' } };
    expect(validateDraft(d, LAYERS)).toEqual({});
  });
});
