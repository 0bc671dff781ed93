import type { StyleLayer } from '../../shared/layers/index.ts';

const PLACEMENT_KEYS = ['text-anchor', 'text-offset', 'text-variable-anchor', 'text-radial-offset'];
/** Room between a symbol's edge and its label, in ems. */
const GAP_EM = 0.35;

/**
 * The kind's circle radius in px: a number, a data expression, or null when it follows the zoom (then
 * it cannot be nested in another expression).
 */
export function circleRadius(style: readonly StyleLayer[]): number | unknown[] | null {
  const circle = style.find((s) => s.type === 'circle');
  const radius = (circle?.paint as Record<string, unknown> | undefined)?.['circle-radius'];
  if (typeof radius === 'number') return radius;
  if (Array.isArray(radius) && !JSON.stringify(radius).includes('["zoom"]')) return radius;
  return null;
}

/**
 * Layout for a point layer's label so that it sits beside the feature's circle instead of on it (a label
 * centred on a 6 px circle hides it completely). The label moves out by the circle's radius plus a gap,
 * trying below, above, right and left. Layouts that already place their text are left alone.
 *
 * Why here: the registry's label layers are centred on the feature; this belongs in
 * shared/layers/kinds/fonts.ts `labelLayer` and can move there.
 */
export function pointLabelLayout(
  layout: Readonly<Record<string, unknown>> | undefined,
  style: readonly StyleLayer[],
): Record<string, unknown> | undefined {
  if (!layout || PLACEMENT_KEYS.some((k) => k in layout)) return layout as Record<string, unknown> | undefined;
  if ((layout['symbol-placement'] ?? 'point') !== 'point') return layout as Record<string, unknown>;
  const size = typeof layout['text-size'] === 'number' ? layout['text-size'] : 12;
  const radius = circleRadius(style);
  const offset =
    typeof radius === 'number'
      ? Math.round((radius / size + GAP_EM) * 100) / 100
      : radius
        ? ['+', ['/', radius, size], GAP_EM]
        : 0.9;
  return { ...layout, 'text-variable-anchor': ['top', 'bottom', 'right', 'left'], 'text-radial-offset': offset };
}
