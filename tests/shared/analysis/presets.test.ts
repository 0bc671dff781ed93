import { describe, expect, it } from 'vitest';
import { metresToMinutes, minutesToMetres, PRESETS, presetDistance, presetFor, WALKING_SPEED } from '../../../shared/analysis/presets.ts';

const park = (面积: number) => ({ type: 'Feature' as const, properties: { 面积 }, geometry: { type: 'Point' as const, coordinates: [120.75, 30.75] } });

describe('presets', () => {
  it('carry the distances of TARGETS.md', () => {
    expect(Object.keys(PRESETS).sort()).toEqual(['green-5min', 'greenway-10min', 'life-15min', 'park-service', 'parking-school-hospital', 'service-10min']);
    expect(PRESETS['green-5min']).toMatchObject({ straight: 300, walking: 300, filter: { minArea: 400 }, threshold: 0.9, oldDistrictThreshold: 0.8 });
    expect(PRESETS['greenway-10min']).toMatchObject({ straight: 500, walking: 800 });
    expect(PRESETS['parking-school-hospital']).toMatchObject({ straight: 300, target: { kind: 'facility', filter: { types: ['学校', '医院'] } } });
    expect(PRESETS['service-10min']).toMatchObject({ walking: 500 });
    expect(PRESETS['life-15min']).toMatchObject({ walking: 1000 });
  });

  it('gives the park service radius by park size', () => {
    const distance = presetDistance(PRESETS['park-service'], 'straight');
    if (typeof distance !== 'function') throw new Error('expected a per-feature distance');
    expect(distance(park(8000), 0)).toBe(500);
    expect(distance(park(5000), 0)).toBe(500);
    expect(distance(park(3000), 0)).toBe(300);
    expect(distance(park(1500), 0)).toBeNull();
  });

  it('uses the walking distance in walk mode', () => {
    expect(presetDistance(PRESETS['greenway-10min'], 'walk')).toBe(800);
    expect(presetDistance(PRESETS['greenway-10min'], 'straight')).toBe(500);
  });

  it('returns editable copies that leave the defaults alone', () => {
    const mine = presetFor('green-5min', { walking: 250 });
    mine.filter.minArea = 1000;
    expect(mine.walking).toBe(250);
    expect(PRESETS['green-5min'].walking).toBe(300);
    expect(PRESETS['green-5min'].filter.minArea).toBe(400);
  });

  it('refuses an unknown preset by name', () => {
    expect(() => presetFor('green-3min' as never)).toThrow(/unknown preset "green-3min"/);
  });

  it('converts minutes and metres at 60 m/min by default', () => {
    expect(WALKING_SPEED).toBe(60);
    expect(minutesToMetres(5)).toBe(300);
    expect(metresToMinutes(800)).toBeCloseTo(13.333, 3);
    expect(minutesToMetres(10, 50)).toBe(500);
    expect(() => metresToMinutes(100, 0)).toThrow(/speed/);
  });
});
