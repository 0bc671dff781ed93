import type { Position } from 'geojson';

/** Ring helpers on checked positions (arrays of two or more finite numbers). */

/** True when both positions have the same ordinates (x, y and any z/m), as RFC 7946 asks of a ring's ends. */
export function samePosition(a: Position, b: Position): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when the first and last positions are identical. */
export function isClosed(ring: readonly Position[]): boolean {
  return ring.length > 0 && samePosition(ring[0], ring[ring.length - 1]);
}

/**
 * A closed copy of an open ring: when only z/m differ at the ends the last position becomes a copy of
 * the first, otherwise a copy of the first is appended.
 */
export function closeRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closing = first.slice();
  if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) return [...ring.slice(0, -1), closing];
  return [...ring, closing];
}

/**
 * The x/y of a closed ring as a flat array with consecutive repeated points dropped (the first point is
 * repeated at the end). Checks of shape run on this.
 */
export function ringXY(ring: readonly Position[]): Float64Array {
  const out = new Float64Array(ring.length * 2);
  let n = 0;
  for (const p of ring) {
    const x = p[0];
    const y = p[1];
    if (n > 0 && out[n - 2] === x && out[n - 1] === y) continue;
    out[n++] = x;
    out[n++] = y;
  }
  return out.subarray(0, n);
}

/** Number of points of a flat x/y array. */
export function pointCount(xy: Float64Array): number {
  return xy.length / 2;
}

/**
 * Twice the signed area of a closed flat ring: positive when it runs counter-clockwise (x east, y north).
 * Relative to the first point, so that projected coordinates in the millions keep their precision.
 */
export function signedArea2(xy: Float64Array): number {
  const ox = xy[0];
  const oy = xy[1];
  let sum = 0;
  for (let i = 2; i + 3 < xy.length; i += 2) {
    sum += (xy[i] - ox) * (xy[i + 3] - oy) - (xy[i + 2] - ox) * (xy[i + 1] - oy);
  }
  return sum;
}

/** A reversed copy of a flat x/y array (point order reversed, x/y kept together). */
export function reverseXY(xy: Float64Array): Float64Array {
  const out = new Float64Array(xy.length);
  for (let i = 0, j = xy.length - 2; j >= 0; i += 2, j -= 2) {
    out[i] = xy[j];
    out[i + 1] = xy[j + 1];
  }
  return out;
}
