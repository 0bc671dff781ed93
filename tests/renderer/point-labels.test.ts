import { describe, expect, it } from 'vitest';
import { getKind } from '../../shared/layers/index.ts';
import { pointLabelLayout } from '../../renderer/map/point-labels.ts';

describe('pointLabelLayout', () => {
  it('moves a facility label out by its 6 px circle plus a gap', () => {
    const kind = getKind('facility');
    const layout = kind.style.find((s) => s.type === 'symbol')?.layout as Record<string, unknown>;
    expect(pointLabelLayout(layout, kind.style)).toMatchObject({ 'text-variable-anchor': ['top', 'bottom', 'right', 'left'], 'text-radial-offset': 0.85 });
  });

  it('follows a data-driven radius (parking sized by spaces)', () => {
    const kind = getKind('parking_lot');
    const layout = kind.style.find((s) => s.type === 'symbol')?.layout as Record<string, unknown>;
    const offset = pointLabelLayout(layout, kind.style)?.['text-radial-offset'] as unknown[];
    expect(offset[0]).toBe('+');
  });

  it('leaves a layout that places its text alone', () => {
    const layout = { 'text-field': 'x', 'text-anchor': 'left' };
    expect(pointLabelLayout(layout, [])).toBe(layout);
  });

  it('leaves line labels alone', () => {
    const layout = { 'text-field': 'x', 'symbol-placement': 'line' };
    expect(pointLabelLayout(layout, [])).toBe(layout);
  });
});
