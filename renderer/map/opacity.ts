/** Paint properties that carry a layer type's opacity; the layer panel's slider scales all of them. */
export const OPACITY_PROPS: Readonly<Record<string, readonly string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  heatmap: ['heatmap-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
};

const INTERPOLATE = new Set(['interpolate', 'interpolate-hcl', 'interpolate-lab']);

function isZoom(expr: unknown): boolean {
  return Array.isArray(expr) && expr[0] === 'zoom';
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * A paint opacity value multiplied by `factor` (0..1). Plain numbers are multiplied; data expressions are
 * wrapped in ['*', factor, expr]; zoom curves (which must stay the outermost expression) get each output
 * scaled instead. An unset value counts as the default 1. Factor 1 returns the value as is.
 */
export function scaleOpacity(value: unknown, factor: number): unknown {
  if (value === undefined || value === null) return round(factor);
  if (factor === 1) return value;
  if (typeof value === 'number') return round(value * factor);
  if (Array.isArray(value)) {
    const [op] = value;
    if (INTERPOLATE.has(op) && isZoom(value[2])) {
      return value.map((v, i) => (i >= 4 && i % 2 === 0 ? scaleOpacity(v, factor) : v));
    }
    if (op === 'step' && isZoom(value[1])) {
      return value.map((v, i) => (i >= 2 && i % 2 === 0 ? scaleOpacity(v, factor) : v));
    }
    return ['*', factor, value];
  }
  if (typeof value === 'object' && 'stops' in (value as object)) {
    const fn = value as { stops: [unknown, unknown][] };
    return { ...fn, stops: fn.stops.map(([at, v]) => [at, scaleOpacity(v, factor)]) };
  }
  return value;
}

/** The opacity properties of a paint object for a layer type, each scaled by `factor`. */
export function scaledOpacityPaint(
  type: string,
  paint: Readonly<Record<string, unknown>> | undefined,
  factor: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of OPACITY_PROPS[type] ?? []) out[prop] = scaleOpacity(paint?.[prop], factor);
  return out;
}
