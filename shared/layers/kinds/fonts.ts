import type { StyleLayer } from '../types.ts';

/**
 * Font stack for labels. Rendered offline from local fonts: Noto Sans CJK (Debian fonts-noto-cjk),
 * Microsoft YaHei on Windows, PingFang on macOS.
 */
export const LABEL_FONT = ['Noto Sans CJK SC Regular', 'Microsoft YaHei Regular', 'PingFang SC Regular'];

/** A label layer for a kind's label field, drawn from a given zoom on. */
export function labelLayer(
  field: string,
  minzoom: number,
  color = '#222',
  placement: 'point' | 'line' = 'point',
): StyleLayer {
  return {
    suffix: 'label',
    type: 'symbol',
    minzoom,
    layout: {
      'symbol-placement': placement,
      'text-field': ['to-string', ['coalesce', ['get', field], '']],
      'text-font': LABEL_FONT,
      'text-size': 12,
      'text-optional': true,
    },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  };
}
