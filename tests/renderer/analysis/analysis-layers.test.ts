import { describe, expect, it } from 'vitest';
import { analysisLayers, ANALYSIS_SOURCES, OUTLINE_SOURCES } from '../../../renderer/map/analysis-layers.ts';
import { resultsBbox } from '../../../renderer/analysis/result-view.ts';

describe('analysis result layers on the map', () => {
  it('draw every result layer from its own source, the catchments\' outlines from theirs', () => {
    const { areas, markers } = analysisLayers(null);
    const sources = new Set([...areas, ...markers].map((l) => (l as { source: string }).source));
    expect([...sources].sort()).toEqual([...Object.values(ANALYSIS_SOURCES), ...Object.values(OUTLINE_SOURCES)].sort());
  });

  it('draw the catchment filled and outlined, the before catchment dashed, blind spots red, sites numbered', () => {
    const { areas, markers } = analysisLayers(null);
    const byId = new Map([...areas, ...markers].map((l) => [l.id, l as { type: string; source: string; paint?: Record<string, unknown>; layout?: Record<string, unknown> }]));
    expect(byId.get('atlas-analysis-catchment-fill')?.paint?.['fill-opacity']).toBeLessThan(0.5);
    expect(byId.get('atlas-analysis-catchment-line')?.source).toBe('atlas-analysis-catchment-outline');
    expect(byId.get('atlas-analysis-catchment-before-outline-dash')?.paint?.['line-dasharray']).toEqual([3, 2]);
    expect([...byId.keys()].filter((id) => id.includes('before'))).toEqual(['atlas-analysis-catchment-before-outline-dash']);
    expect(byId.get('atlas-analysis-blind-spots-fill')?.paint?.['fill-color']).toBe('#e53935');
    expect(byId.get('atlas-analysis-sites-rank')?.layout?.['text-field']).toEqual(['to-string', ['get', 'rank']]);
    // Sites and their number are drawn last, above everything.
    expect(markers.map((l) => l.id).slice(-2)).toEqual(['atlas-analysis-sites-circle', 'atlas-analysis-sites-rank']);
  });

  it('ring the blind spot or site picked in the card', () => {
    const { areas, markers } = analysisLayers({ layer: 'blindSpots', rank: 3 });
    expect((areas.find((l) => l.id.endsWith('blind-spots-focus')) as { filter: unknown }).filter).toEqual(['==', ['get', 'rank'], 3]);
    expect((markers.find((l) => l.id.endsWith('sites-focus')) as { filter: unknown }).filter).toEqual(['==', ['get', 'rank'], -1]);
  });

  it('zoom to the box around every result layer', () => {
    const square = (x: number, y: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y]]] } });
    const fc = (...features: ReturnType<typeof square>[]) => ({ type: 'FeatureCollection' as const, features });
    expect(resultsBbox({ catchment: fc(square(120, 30)), blindSpots: fc(square(121, 31)) })).toEqual([120, 30, 122, 32]);
    expect(resultsBbox({ catchment: fc(), blindSpots: fc() })).toBeNull();
  });
});
