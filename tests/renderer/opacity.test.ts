import { describe, expect, it } from 'vitest';
import { scaleOpacity, scaledOpacityPaint } from '../../renderer/map/opacity.ts';

describe('scaleOpacity', () => {
  it('multiplies a number', () => {
    expect(scaleOpacity(0.6, 0.5)).toBe(0.3);
  });

  it('treats an unset opacity as 1', () => {
    expect(scaleOpacity(undefined, 0.4)).toBe(0.4);
  });

  it('returns the value itself at full opacity', () => {
    const expr = ['get', 'o'];
    expect(scaleOpacity(expr, 1)).toBe(expr);
  });

  it('wraps a data expression in a product', () => {
    expect(scaleOpacity(['case', ['get', 'x'], 1, 0.5], 0.5)).toEqual(['*', 0.5, ['case', ['get', 'x'], 1, 0.5]]);
  });

  it('scales the outputs of a zoom curve, which must stay outermost', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 10, 0.2, 16, 1];
    expect(scaleOpacity(curve, 0.5)).toEqual(['interpolate', ['linear'], ['zoom'], 10, 0.1, 16, 0.5]);
  });

  it('scales the outputs of a zoom step', () => {
    expect(scaleOpacity(['step', ['zoom'], 0, 12, 1], 0.5)).toEqual(['step', ['zoom'], 0, 12, 0.5]);
  });

  it('does not change its input', () => {
    const curve = Object.freeze(['interpolate', ['linear'], ['zoom'], 10, 0.2, 16, 1]);
    scaleOpacity(curve, 0.3);
    expect(curve).toEqual(['interpolate', ['linear'], ['zoom'], 10, 0.2, 16, 1]);
  });
});

describe('scaledOpacityPaint', () => {
  it('scales fill and stroke of a circle layer', () => {
    expect(scaledOpacityPaint('circle', { 'circle-opacity': 0.8, 'circle-radius': 5 }, 0.5)).toEqual({
      'circle-opacity': 0.4,
      'circle-stroke-opacity': 0.5,
    });
  });

  it('scales text and icons of a symbol layer', () => {
    expect(Object.keys(scaledOpacityPaint('symbol', {}, 0.5))).toEqual(['text-opacity', 'icon-opacity']);
  });
});
