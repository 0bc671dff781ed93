/** Checks of GeoJSON positions and position lists as they come out of a file: anything may be anywhere. */

/** How a JSON value reads in a message: 'a string', 'null', 'an array', 'NaN'. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Why `value` is not a position (an array of two or more finite numbers), or null when it is one.
 * Extra ordinates (z, m) are accepted.
 */
export function positionFault(value: unknown): string | null {
  if (!Array.isArray(value)) return `${describeValue(value)} stands where a position [x, y] belongs`;
  if (value.length < 2) return `a position has ${value.length === 0 ? 'no numbers' : 'only 1 number'}; it needs x and y`;
  for (const v of value) {
    if (typeof v !== 'number') {
      return Array.isArray(v) ? 'a position holds an array: the coordinates are nested one level too deep' : `a position holds ${describeValue(v)} instead of a number`;
    }
    if (!Number.isFinite(v)) return `a position holds ${v}`;
  }
  return null;
}

export interface PositionListCheck {
  /** The first fault found, or null when every element is a position. */
  fault: string | null;
  /** Index of the element at fault (-1 when `value` is not an array at all). */
  at: number;
  /** Number of elements that are not positions. */
  badCount: number;
}

/** Checks that `value` is an array of positions (it may be empty). */
export function checkPositionList(value: unknown): PositionListCheck {
  if (!Array.isArray(value)) {
    return { fault: `${describeValue(value)} stands where a list of positions belongs`, at: -1, badCount: 1 };
  }
  let fault: string | null = null;
  let at = -1;
  let badCount = 0;
  for (let i = 0; i < value.length; i++) {
    const f = positionFault(value[i]);
    if (f === null) continue;
    badCount++;
    if (fault === null) {
      fault = f;
      at = i;
    }
  }
  return { fault, at, badCount };
}
