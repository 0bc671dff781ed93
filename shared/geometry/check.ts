import type { Geometry, Position } from 'geojson';
import type { ImportProblem } from '../api/transfer.ts';
import { checkPositionList, describeValue, positionFault } from './coordinates.ts';
import { closeRing, isClosed, pointCount, reverseXY, ringXY, signedArea2 } from './rings.ts';
import { findRingIntersection, type RingIntersection } from './self-intersection.ts';

type ProblemKind = ImportProblem['kind'];

/** What `checkGeometry` found out about one feature's geometry. */
export interface GeometryCheck {
  /** The geometry with fixable problems fixed (rings closed, rewound); the input itself when nothing changed. */
  geometry: Geometry | null;
  /** At most one problem per kind (and fixed/unfixed) per feature; the message counts the cases. */
  problems: ImportProblem[];
  /** False when the geometry cannot be imported as it is (the user may skip such features). */
  valid: boolean;
}

interface Finding {
  kind: ProblemKind;
  fixed: boolean;
  text: string;
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/**
 * Checks one feature's geometry as read from a file (any JSON may stand where a geometry belongs) and
 * fixes what can be fixed without guessing:
 * - null geometry → null_geometry; no coordinates → empty_geometry (both invalid);
 * - positions that are not two or more finite numbers, or wrongly nested → nan_coordinate (invalid);
 * - rings whose ends differ → closed (unclosed_ring, fixed);
 * - rings with fewer than 4 positions after closing, lines with fewer than 2 → short_ring (invalid);
 * - rings wound against RFC 7946 (outer counter-clockwise, holes clockwise) → rewound (wrong_winding, fixed);
 * - rings that cross or touch themselves, rings of a polygon that cross or touch twice, polygons of a
 *   multipolygon that overlap → self_intersection (invalid);
 * - nested GeometryCollections, unknown or mis-cased types → unsupported_geometry (invalid).
 * Empty parts of multi-geometries and empty holes are dropped (empty_geometry, fixed).
 * Not checked: holes outside their outer ring, polygons of a multipolygon nested inside each other.
 * Pure: the input is never modified.
 * @param index 0-based feature index, for the problems' `feature` and messages.
 */
export function checkGeometry(geometry: Geometry | null, index: number): GeometryCheck {
  if (geometry === null || geometry === undefined) {
    return { geometry: null, problems: [{ feature: index, kind: 'null_geometry', message: `Feature ${index} has no geometry.`, fixed: false }], valid: false };
  }
  const findings: Finding[] = [];
  const checked = checkNode(geometry, '', true, findings);
  return {
    geometry: checked as Geometry,
    problems: groupFindings(findings, index),
    valid: findings.every((f) => f.fixed),
  };
}

function groupFindings(findings: Finding[], index: number): ImportProblem[] {
  const groups = new Map<string, { first: Finding; count: number }>();
  for (const f of findings) {
    const key = `${f.kind}:${f.fixed}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => ({
    feature: index,
    kind: first.kind,
    message: `Feature ${index}: ${first.text}${count > 1 ? ` (and ${count - 1} more like it)` : ''}.`,
    fixed: first.fixed,
  }));
}

function label(prefix: string, part: string): string {
  return prefix ? `${prefix} ${part}` : part;
}

function typeHint(type: string): string {
  const proper = GEOMETRY_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  return proper ? ` (type names are case-sensitive: "${proper}")` : '';
}

/** Checks one geometry object; returns it with fixes applied (the same object when nothing changed). */
function checkNode(node: unknown, prefix: string, topLevel: boolean, out: Finding[]): unknown {
  const what = prefix || 'the geometry';
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    out.push({ kind: 'unsupported_geometry', fixed: false, text: `${what} is ${describeValue(node)}, not a geometry object` });
    return node;
  }
  const g = node as Record<string, unknown>;
  const type = g.type;
  if (typeof type !== 'string') {
    out.push({ kind: 'unsupported_geometry', fixed: false, text: `${what} has no "type"` });
    return node;
  }
  const coords = g.coordinates;
  const noCoordinates = (): unknown => {
    out.push({ kind: 'empty_geometry', fixed: false, text: `${prefix || type} has no coordinates` });
    return node;
  };
  switch (type) {
    case 'Point': {
      if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) return noCoordinates();
      const fault = positionFault(coords);
      if (fault) out.push({ kind: 'nan_coordinate', fixed: false, text: `${prefix || 'Point'}: ${fault}` });
      return node;
    }
    case 'MultiPoint': {
      if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) return noCoordinates();
      const c = checkPositionList(coords);
      if (c.fault) out.push({ kind: 'nan_coordinate', fixed: false, text: `${prefix || 'MultiPoint'}${c.at >= 0 ? ` point ${c.at}` : ''}: ${c.fault}` });
      return node;
    }
    case 'LineString': {
      if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) return noCoordinates();
      checkLine(coords, prefix || 'LineString', out);
      return node;
    }
    case 'MultiLineString':
      return checkMulti(node, g, type, prefix, out, (part, name) => {
        checkLine(part, name, out);
        return part;
      }, 'line');
    case 'Polygon': {
      if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) return noCoordinates();
      const p = checkPolygon(coords, prefix, out);
      if (p === 'empty') return noCoordinates();
      if (p.xy) reportIntersection(findRingIntersection([p.xy]), [p.labels], out);
      return p.rings === coords ? node : { ...g, coordinates: p.rings };
    }
    case 'MultiPolygon':
      return checkMultiPolygon(node, g, prefix, out);
    case 'GeometryCollection':
      return checkCollection(node, g, prefix, topLevel, out);
    default:
      out.push({ kind: 'unsupported_geometry', fixed: false, text: `${what} has the type "${type}", which is not a GeoJSON geometry type${typeHint(type)}` });
      return node;
  }
}

function checkLine(value: unknown, name: string, out: Finding[]): void {
  const c = checkPositionList(value);
  if (c.fault) {
    out.push({ kind: 'nan_coordinate', fixed: false, text: `${name}${c.at >= 0 ? ` position ${c.at}` : ''}: ${c.fault}` });
    return;
  }
  const distinct = pointCount(ringXY(value as Position[]));
  if (distinct < 2) {
    out.push({ kind: 'short_ring', fixed: false, text: `${name} has ${distinct} distinct position; a line needs at least 2` });
  }
}

/**
 * MultiPoint/MultiLineString-style container: `coordinates` is a list of parts checked by `checkPart`;
 * empty parts are dropped.
 */
function checkMulti(
  node: unknown,
  g: Record<string, unknown>,
  type: string,
  prefix: string,
  out: Finding[],
  checkPart: (part: unknown, name: string) => unknown,
  partName: string,
): unknown {
  const coords = g.coordinates;
  if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) {
    out.push({ kind: 'empty_geometry', fixed: false, text: `${prefix || type} has no coordinates` });
    return node;
  }
  if (!Array.isArray(coords)) {
    out.push({ kind: 'nan_coordinate', fixed: false, text: `${prefix || type}: ${describeValue(coords)} stands where a list of ${partName}s belongs` });
    return node;
  }
  const kept: unknown[] = [];
  for (let i = 0; i < coords.length; i++) {
    const part = coords[i];
    if (Array.isArray(part) && part.length === 0) {
      out.push({ kind: 'empty_geometry', fixed: true, text: `${label(prefix, `${partName} ${i}`)} is empty; dropped it` });
      continue;
    }
    kept.push(checkPart(part, label(prefix, `${partName} ${i}`)));
  }
  if (kept.length === 0) {
    out.push({ kind: 'empty_geometry', fixed: false, text: `${prefix || type} has only empty parts` });
    return node;
  }
  const same = kept.length === coords.length && kept.every((p, i) => p === coords[i]);
  return same ? node : { ...g, coordinates: kept };
}

interface PolygonCheck {
  /** The rings, fixed; the input array when nothing changed. */
  rings: unknown;
  /** Flat x/y of each kept ring for the intersection check, or null when a ring is unusable. */
  xy: Float64Array[] | null;
  /** Names of the kept rings for messages. */
  labels: string[];
}

/** Checks the rings of one polygon. `prefix` names the polygon ('' for a Polygon, 'polygon 2'). */
function checkPolygon(value: unknown, prefix: string, out: Finding[]): PolygonCheck | 'empty' {
  if (!Array.isArray(value)) {
    out.push({ kind: 'nan_coordinate', fixed: false, text: `${prefix || 'Polygon'}: ${describeValue(value)} stands where a list of rings belongs` });
    return { rings: value, xy: null, labels: [] };
  }
  if (value.length === 0) return 'empty';
  const rings: unknown[] = [];
  const xys: Float64Array[] = [];
  const labels: string[] = [];
  let usable = true;
  let changed = false;
  for (let k = 0; k < value.length; k++) {
    const name = label(prefix, k === 0 ? 'outer ring' : `hole ${k}`);
    const raw = value[k];
    const c = checkPositionList(raw);
    if (c.fault) {
      out.push({ kind: 'nan_coordinate', fixed: false, text: `${name}${c.at >= 0 ? ` position ${c.at}` : ''}: ${c.fault}` });
      usable = false;
      rings.push(raw);
      continue;
    }
    let ring = raw as Position[];
    if (ring.length === 0) {
      if (k === 0) return 'empty';
      out.push({ kind: 'empty_geometry', fixed: true, text: `${name} is empty; dropped it` });
      changed = true;
      continue;
    }
    if (!isClosed(ring)) {
      ring = closeRing(ring);
      changed = true;
      out.push({ kind: 'unclosed_ring', fixed: true, text: `${name} does not end where it starts; closed it` });
    }
    let xy = ringXY(ring);
    if (ring.length < 4 || pointCount(xy) < 4) {
      const distinct = Math.max(pointCount(xy) - 1, 1);
      out.push({
        kind: 'short_ring',
        fixed: false,
        text: `${name} has ${distinct} distinct corner${distinct === 1 ? '' : 's'}; a ring needs at least 3 (4 positions with the closing one)`,
      });
      usable = false;
      rings.push(ring);
      continue;
    }
    const area = signedArea2(xy);
    if (area !== 0 && area > 0 !== (k === 0)) {
      ring = ring.slice().reverse();
      xy = reverseXY(xy);
      changed = true;
      out.push({
        kind: 'wrong_winding',
        fixed: true,
        text: `${name} runs ${area > 0 ? 'counter-clockwise' : 'clockwise'}; rewound it (RFC 7946: outer rings counter-clockwise, holes clockwise)`,
      });
    }
    rings.push(ring);
    xys.push(xy);
    labels.push(name);
  }
  return { rings: changed && usable ? rings : value, xy: usable ? xys : null, labels };
}

function checkMultiPolygon(node: unknown, g: Record<string, unknown>, prefix: string, out: Finding[]): unknown {
  const coords = g.coordinates;
  if (coords === undefined || coords === null || (Array.isArray(coords) && coords.length === 0)) {
    out.push({ kind: 'empty_geometry', fixed: false, text: `${prefix || 'MultiPolygon'} has no coordinates` });
    return node;
  }
  if (!Array.isArray(coords)) {
    out.push({ kind: 'nan_coordinate', fixed: false, text: `${prefix || 'MultiPolygon'}: ${describeValue(coords)} stands where a list of polygons belongs` });
    return node;
  }
  const polygons: unknown[] = [];
  const xys: Float64Array[][] = [];
  const labels: string[][] = [];
  let usable = true;
  let changed = false;
  for (let i = 0; i < coords.length; i++) {
    const name = label(prefix, `polygon ${i}`);
    const p = checkPolygon(coords[i], name, out);
    if (p === 'empty') {
      out.push({ kind: 'empty_geometry', fixed: true, text: `${name} is empty; dropped it` });
      changed = true;
      continue;
    }
    if (p.rings !== coords[i]) changed = true;
    polygons.push(p.rings);
    if (p.xy) {
      xys.push(p.xy);
      labels.push(p.labels);
    } else usable = false;
  }
  if (polygons.length === 0) {
    out.push({ kind: 'empty_geometry', fixed: false, text: `${prefix || 'MultiPolygon'} has only empty polygons` });
    return node;
  }
  if (usable) reportIntersection(findRingIntersection(xys), labels, out);
  return changed && usable ? { ...g, coordinates: polygons } : node;
}

function checkCollection(node: unknown, g: Record<string, unknown>, prefix: string, topLevel: boolean, out: Finding[]): unknown {
  if (!topLevel) {
    out.push({ kind: 'unsupported_geometry', fixed: false, text: `${prefix || 'a member'} is a GeometryCollection inside a GeometryCollection, which is not supported` });
    return node;
  }
  const members = g.geometries;
  if (members === undefined || members === null || (Array.isArray(members) && members.length === 0)) {
    out.push({ kind: 'empty_geometry', fixed: false, text: 'the GeometryCollection has no geometries' });
    return node;
  }
  if (!Array.isArray(members)) {
    out.push({ kind: 'unsupported_geometry', fixed: false, text: `the GeometryCollection's "geometries" is ${describeValue(members)}, not a list` });
    return node;
  }
  let changed = false;
  const checked = members.map((m, i) => {
    const type = m !== null && typeof m === 'object' && typeof (m as { type?: unknown }).type === 'string' ? (m as { type: string }).type : '';
    const r = checkNode(m, type ? `geometry ${i} (${type})` : `geometry ${i}`, false, out);
    if (r !== m) changed = true;
    return r;
  });
  return changed ? { ...g, geometries: checked } : node;
}

function reportIntersection(hit: RingIntersection | null, labels: string[][], out: Finding[]): void {
  if (!hit) return;
  const a = labels[hit.a.polygon][hit.a.ring];
  const b = labels[hit.b.polygon][hit.b.ring];
  const near = `near (${round(hit.x)}, ${round(hit.y)})`;
  const text = {
    self: `${a} crosses or touches itself ${near}`,
    spike: `${a} runs back along itself ${near}`,
    crossing: `${a} and ${b} cross ${near}`,
    double_touch: `${a} and ${b} touch at two or more points (one is ${near}), cutting the polygon apart`,
    overlap: `${a} and ${b} overlap ${near}`,
  }[hit.kind];
  out.push({ kind: 'self_intersection', fixed: false, text });
}

function round(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
