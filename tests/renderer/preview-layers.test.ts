import { describe, expect, it } from 'vitest';
import { PREVIEW_COLOR, PREVIEW_SOURCE, previewLayers } from '../../renderer/map/preview-layers.ts';

describe('import preview layers', () => {
  it('draw polygons, lines and points of the preview source', () => {
    const layers = previewLayers();
    expect(layers.map((l) => l.type)).toEqual(['fill', 'line', 'line', 'circle']);
    expect(layers.every((l) => 'source' in l && l.source === PREVIEW_SOURCE && l.id.startsWith(PREVIEW_SOURCE))).toBe(true);
  });

  it('use a colour no layer kind uses', async () => {
    const { LAYER_KINDS } = await import('../../shared/layers/index.ts');
    expect(JSON.stringify(Object.values(LAYER_KINDS)).toLowerCase()).not.toContain(PREVIEW_COLOR);
  });
});
