import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../../../shared/api/contract.ts';
import type { KindId } from '../../../shared/layers/types.ts';
import { defaultLayerOf, initialDraft, withDistance, withMinutes, withMode, withPreset, withType } from '../../../renderer/analysis/draft-model.ts';

function layer(id: string, kind: KindId, order: number, visible = true): LayerInfo {
  return { id, kind, title: id, geometryType: 'POLYGON', featureCount: 1, bbox: null, visible, opacity: 1, order, fields: [] };
}

const LAYERS = [
  layer('districts', 'district', 0),
  layer('roads', 'road', 1),
  layer('homes', 'residential_area', 2),
  layer('parcels', 'renewal_parcel', 3),
  layer('parks', 'park', 4),
  layer('parks_new', 'park', 5, false),
  layer('greenways', 'greenway', 6),
  layer('facilities', 'facility', 7),
];

describe('the analysis form', () => {
  it('starts on 5-minute green, straight line, with the layers of each kind', () => {
    const d = initialDraft(LAYERS);
    expect(d).toMatchObject({ preset: 'green-5min', mode: 'straight', plan: 'all', distance: '300', minutes: '5', minArea: '400', types: [], streetWidth: '50', entranceTolerance: '25', sitesOn: false, k: '5' });
    expect(d.layers).toEqual({ facilities: 'parks', targets: 'homes', streets: 'roads', districts: 'districts' });
    expect(d.candidates).toBe('parcels');
  });

  it('takes the topmost visible layer of a kind, else the topmost, else none', () => {
    expect(defaultLayerOf('park', LAYERS)).toBe('parks');
    expect(defaultLayerOf('park', [layer('a', 'park', 1, false), layer('b', 'park', 2, false)])).toBe('b');
    expect(defaultLayerOf('water', LAYERS)).toBe('');
  });

  it('switches preset: its distance, filter and facility / target layers', () => {
    const greenway = withPreset(initialDraft(LAYERS), 'greenway-10min', LAYERS);
    expect(greenway).toMatchObject({ distance: '500', minutes: '8.3', minArea: '', types: [] });
    expect(greenway.layers.facilities).toBe('greenways');
    const parking = withPreset(initialDraft(LAYERS), 'parking-school-hospital', LAYERS);
    expect(parking.layers.targets).toBe('facilities');
    expect(withPreset(initialDraft(LAYERS), 'service-10min', LAYERS).types).toEqual(['驿站']);
  });

  it('leaves the distance empty for a preset that goes by park size', () => {
    expect(withPreset(initialDraft(LAYERS), 'park-service', LAYERS)).toMatchObject({ distance: '', minutes: '', minArea: '2000' });
  });

  it('follows the mode with a distance still at the preset value, and keeps a typed one', () => {
    const greenway = withPreset(initialDraft(LAYERS), 'greenway-10min', LAYERS);
    expect(withMode(greenway, 'walk')).toMatchObject({ mode: 'walk', distance: '800', minutes: '13.3' });
    expect(withMode(withDistance(greenway, '650'), 'walk').distance).toBe('650');
  });

  it('keeps metres and minutes in step at 60 m/min', () => {
    const d = initialDraft(LAYERS);
    expect(withDistance(d, '450')).toMatchObject({ distance: '450', minutes: '7.5' });
    expect(withMinutes(d, '10')).toMatchObject({ minutes: '10', distance: '600' });
    expect(withMinutes(d, '5.5').distance).toBe('330');
    // Wrong text empties the other field, so the form asks for a number.
    expect(withMinutes(d, 'abc')).toMatchObject({ minutes: 'abc', distance: '' });
    expect(withDistance(d, '-3')).toMatchObject({ distance: '-3', minutes: '' });
    expect(withDistance(d, '')).toMatchObject({ distance: '', minutes: '' });
  });

  it('switches type values on and off', () => {
    const d = withType(withType(initialDraft(LAYERS), '口袋公园', true), '社区公园', true);
    expect(d.types).toEqual(['口袋公园', '社区公园']);
    expect(withType(d, '口袋公园', false).types).toEqual(['社区公园']);
  });
});
