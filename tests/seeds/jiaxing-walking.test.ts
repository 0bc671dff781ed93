import { describe, it, expect } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { AFTER_PLAN_2023, BEFORE_PLAN, buildNetwork, catchmentNetwork, catchmentStraight, coverage, filterFacilities, PRESETS, presetDistance, type PresetId } from '../../shared/analysis/index.ts';
import { layer } from './demo-fixture.ts';

describe('the demo under the walking analyses', () => {
  const fc = (id: string): FeatureCollection => ({ type: 'FeatureCollection', features: layer(id) as Feature[] });
  const KINDS: Record<string, string> = { park: 'parks', greenway: 'greenways', parking_lot: 'parking_lots', residential_area: 'residential_areas', facility: 'facilities' };
  const network = buildNetwork(fc('roads'));
  const share = (id: PresetId, mode: 'straight' | 'walk', plan: 'before' | 'after') => {
    const preset = PRESETS[id];
    const facilities = filterFacilities(filterFacilities(fc(KINDS[preset.facilityKind]), preset.filter), plan === 'before' ? BEFORE_PLAN : AFTER_PLAN_2023);
    const targets = filterFacilities(fc(KINDS[preset.target.kind]), preset.target.filter);
    const distance = presetDistance(preset, mode);
    const catchment = mode === 'walk' ? catchmentNetwork(facilities, network, { distance }) : catchmentStraight(facilities, { distance });
    return coverage(targets, catchment).share!;
  };

  it('reaches less by walking than in a straight line for 5-minute green (60–90 %), and more after the plan', () => {
    const figures = (['before', 'after'] as const).map((plan) => ({ plan, straight: share('green-5min', 'straight', plan), walk: share('green-5min', 'walk', plan) }));
    for (const { plan, straight, walk } of figures) {
      expect(walk / straight, plan).toBeGreaterThan(0.6);
      expect(walk / straight, plan).toBeLessThan(0.9);
    }
    expect(figures[1].walk).toBeGreaterThan(figures[0].walk);
  }, 60_000);

  it('gives 10-minute greenway and school parking walking figures in the range of the straight-line ones', () => {
    for (const plan of ['before', 'after'] as const) {
      const [straight, walk] = [share('greenway-10min', 'straight', plan), share('greenway-10min', 'walk', plan)];
      // 800 m along the streets reaches a little further than 500 m as the crow flies.
      expect(walk / straight, plan).toBeGreaterThan(0.8);
      expect(walk / straight, plan).toBeLessThan(2);
    }
    const [straight, walk] = [share('parking-school-hospital', 'straight', 'after'), share('parking-school-hospital', 'walk', 'after')];
    expect(walk).toBeLessThanOrEqual(straight);
    expect(walk).toBeGreaterThan(0.5);
  }, 60_000);
});
