import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { applyOrder, layersTopFirst, moveLayerOrder } from '../../renderer/layers/layer-order.ts';

function layers(): LayerInfo[] {
  return ['water', 'roads', 'parks'].map((id, order) => ({
    id, kind: 'generic', title: id, geometryType: 'POLYGON', featureCount: 0, bbox: null,
    visible: true, opacity: 1, order, fields: [],
  }));
}

describe('layer order', () => {
  it('lists the top of the map first', () => {
    expect(layersTopFirst(layers()).map((l) => l.id)).toEqual(['parks', 'roads', 'water']);
  });

  it('moves a layer up by swapping it with the one above (ids bottom first)', () => {
    expect(moveLayerOrder(layers(), 'water', 'up')).toEqual(['roads', 'water', 'parks']);
  });

  it('moves a layer down', () => {
    expect(moveLayerOrder(layers(), 'parks', 'down')).toEqual(['water', 'parks', 'roads']);
  });

  it('refuses to move the top layer further up', () => {
    expect(moveLayerOrder(layers(), 'parks', 'up')).toBeNull();
  });

  it('sets order from a bottom-first list', () => {
    const reordered = applyOrder(layers(), ['parks', 'water', 'roads']);
    expect(reordered.map((l) => [l.id, l.order])).toEqual([['water', 1], ['roads', 2], ['parks', 0]]);
  });

  it('does not change its input', () => {
    const input = Object.freeze(layers().map((l) => Object.freeze(l)));
    moveLayerOrder(input, 'water', 'up');
    applyOrder(input, ['parks', 'water', 'roads']);
    expect(input.map((l) => l.order)).toEqual([0, 1, 2]);
  });
});
