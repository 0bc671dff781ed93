import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { createPlane } from '../../../shared/analysis/geometry/plane.ts';
import { buildNetwork } from '../../../shared/analysis/network.ts';
import { catchmentNetwork, reachedNodes } from '../../../shared/analysis/catchment-network.ts';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { coverage } from '../../../shared/analysis/coverage.ts';

// Fixtures in a local plane (metres, x east, y north) around Jiaxing.
const plane = createPlane(120.75, 30.75);
const at = (x: number, y: number) => plane.inverse(x, y);
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const line = (...xy: number[][]): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: xy.map(([x, y]) => at(x, y)) } });
const point = (x: number, y: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at(x, y) } });
const square = (x0: number, y0: number, x1: number, y1: number): Feature => ({
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => at(x, y))] },
});
const network = (...lines: Feature[]) => buildNetwork(collection(lines), { plane });
/** The reached stretch of the street y = 50 as [west end, east end] (x of the band pieces, width 1). */
const reachedAlong = (c: ReturnType<typeof catchmentNetwork>) => {
  const bands = c.pieces.filter((p) => p.rings[0].length === 8);
  return [Math.min(...bands.map((p) => p.bbox[0])), Math.max(...bands.map((p) => p.bbox[2]))];
};

describe('park entrances where a path crosses the boundary', () => {
  const park = collection([square(0, 0, 100, 100)]);

  it('enters at the crossing, so the reach outside the park is the whole distance', () => {
    // One edge from 400 m west of the park to its middle: no vertex on the boundary (x = 0).
    const net = network(line([-400, 50], [50, 50]));
    const c = catchmentNetwork(park, net, { distance: 300, width: 1 });
    const [west, east] = reachedAlong(c);
    expect(-west).toBeCloseTo(300, 3); // reached from x = -300 to the boundary: 300 m outside the park
    expect(east).toBeCloseTo(50, 3);
  });

  it('enters at both crossings of an edge through the park', () => {
    const net = network(line([-400, 50], [500, 50]));
    const [west, east] = reachedAlong(catchmentNetwork(park, net, { distance: 300, width: 1 }));
    expect(west).toBeCloseTo(-300, 3);
    expect(east).toBeCloseTo(400, 3);
  });

  it('gives each end of a crossing edge its distance along the edge from the crossing (an end inside the park is in it)', () => {
    const net = network(line([-100, 50], [50, 50]));
    const walked = new Map(reachedNodes(park, net, { distance: 300 }).map((r) => [Math.round(net.x[r.node]), r.walked]));
    expect(walked.get(-100)).toBeCloseTo(100, 3);
    expect(walked.get(50)).toBeCloseTo(0, 3);
  });
});

describe('entrance tolerance', () => {
  // A park whose south edge is 20 m from the centreline of street A (y = 0), its east edge 5 m from
  // street B (x = 105); A and B do not meet.
  const park = collection([square(0, 20, 100, 120)]);
  const net = network(line([-200, 0], [50, 0], [300, 0]), line([105, -100], [105, 300]));
  const onA = (tolerance?: number) => reachedNodes(park, net, { distance: 100, entranceTolerance: tolerance }).filter((r) => net.y[r.node] === 0 || Math.abs(net.y[r.node]) < 1e-6);

  it('by default (25 m) enters from a street along a collector-width gap', () => {
    expect(onA().length).toBeGreaterThan(0);
  });

  it('can be narrowed: at 10 m the park is entered from street B only', () => {
    expect(onA(10)).toHaveLength(0);
  });
});

describe('point targets in a walking catchment', () => {
  // A 400 m square of streets; a school 80 m north of the street y = 0, whose nearest network point is
  // (200, 0); the facility at the corner (0, 0) walks 200 m to get there.
  const net = network(line([0, 0], [400, 0], [400, 400], [0, 400], [0, 0]), line([0, 0], [200, 0]));
  const school = collection([point(200, 80)]);
  const covered = (distance: number) => coverage(school, catchmentNetwork(collection([point(0, 0)]), net, { distance }), { threshold: null }).coveredCount;

  it('is covered when the reach left at its nearest network point covers the 80 m access leg', () => {
    expect(covered(281)).toBe(1);
    expect(covered(279)).toBe(0); // 79 m left: short of the school, and outside the ±50 m band
  });

  it('is not covered beyond the 200 m access limit', () => {
    const far = collection([point(200, -260)]);
    expect(coverage(far, catchmentNetwork(collection([point(0, 0)]), net, { distance: 2000 }), { threshold: null }).coveredCount).toBe(0);
  });

  it('keeps the straight-line rule for a straight catchment', () => {
    const c = catchmentStraight(collection([point(0, 0)]), { distance: 216, plane });
    expect(c.reach).toBeUndefined();
    expect(coverage(school, c, { threshold: null }).coveredCount).toBe(1); // 215.4 m as the crow flies
    expect(coverage(school, catchmentStraight(collection([point(0, 0)]), { distance: 214, plane }), { threshold: null }).coveredCount).toBe(0);
  });
});
