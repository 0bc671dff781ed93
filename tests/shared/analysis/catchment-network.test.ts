import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { buildNetwork } from '../../../shared/analysis/network.ts';
import { catchmentNetwork, reachedNodes } from '../../../shared/analysis/catchment-network.ts';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { catchmentPolygons } from '../../../shared/analysis/catchment-polygons.ts';
import { expectOutput, readInput } from './fixtures.ts';

describe('walking catchment on a 7 × 7 grid of streets 100 m apart', () => {
  const CASE = 'grid-network';

  it('builds one node per crossing and one edge per block side', () => {
    const net = buildNetwork(readInput(CASE, 'streets.geojson'));
    expect(net.nodeCount).toBe(49);
    expect(net.edgeCount).toBe(2 * 7 * 6);
    // Fixture coordinates are rounded to 1e-7° (about 1 cm).
    expect(Math.min(...net.length)).toBeCloseTo(100, 1);
    expect(Math.max(...net.length)).toBeCloseTo(100, 1);
  });

  it('reaches exactly the 13 crossings within 250 m of the centre along the streets', () => {
    const facilities = readInput(CASE, 'facilities.geojson');
    const net = buildNetwork(readInput(CASE, 'streets.geojson'));
    const reached = reachedNodes(facilities, net, { distance: facilities.properties!.distance as number });
    // Manhattan distance in blocks from the centre: 0 (1 node), 1 (4 nodes), 2 (8 nodes); 3 blocks is 300 m.
    const blocks = reached.map(({ node }) => [Math.round(net.x[node] / 100), Math.round(net.y[node] / 100)]);
    expect(blocks).toHaveLength(13);
    for (const [i, j] of blocks) expect(Math.abs(i) + Math.abs(j)).toBeLessThanOrEqual(2);
    for (const { node, walked } of reached) expect(walked).toBeCloseTo(100 * (Math.abs(Math.round(net.x[node] / 100)) + Math.abs(Math.round(net.y[node] / 100))), 2);
    expectOutput(CASE, 'reached-nodes.geojson', {
      type: 'FeatureCollection',
      features: reached.map(({ node, walked }) => ({ type: 'Feature', properties: { walked }, geometry: { type: 'Point', coordinates: net.plane.inverse(net.x[node], net.y[node]) } })),
    });
  });

  it('widens the reached streets, partial edges included (50 m past the last crossings)', () => {
    const facilities = readInput(CASE, 'facilities.geojson');
    const net = buildNetwork(readInput(CASE, 'streets.geojson'));
    const width = 10;
    const c = catchmentNetwork(facilities, net, { distance: 250, width });
    // 16 whole edges between the 13 crossings, and 50 m of each of the 20 edges leaving them: a band
    // of ±width along each and a disk at each of the 20 partial ends (the crossings need none: the
    // bands leaving a crossing in four directions already cover a disk around it).
    const disks = c.pieces.filter((p) => p.rings[0].length === 2 * 32);
    const bands = c.pieces.filter((p) => p.rings[0].length === 2 * 4);
    expect(bands).toHaveLength(16 + 20);
    expect(disks).toHaveLength(20);
    const length = bands.reduce((s, p) => s + p.area / (2 * width), 0);
    expect(length).toBeCloseTo(16 * 100 + 20 * 50, 0);
  });
});

describe('walking catchment across a river with one bridge', () => {
  const CASE = 'river-bridge';
  const setup = () => {
    const facilities = readInput(CASE, 'facilities.geojson');
    const { distance, width } = facilities.properties as { distance: number; width: number };
    const net = buildNetwork(readInput(CASE, 'streets.geojson'));
    const walk = catchmentPolygons(catchmentNetwork(facilities, net, { distance, width }));
    const straight = catchmentPolygons(catchmentStraight(facilities, { distance, plane: net.plane }));
    const probes = readInput(CASE, 'probes.geojson') as FeatureCollection<Point>;
    return { walk, straight, probes };
  };
  const inside = (fc: FeatureCollection, p: Feature<Point>) => fc.features.some((f) => booleanPointInPolygon(p, f as Feature<GeoJSON.MultiPolygon>));

  it('the straight circle crosses the river', () => {
    const { straight, probes } = setup();
    for (const p of probes.features) expect(inside(straight, p), String(p.properties?.说明)).toBe(p.properties?.straight);
  });

  it('the walk reaches the far bank only through the bridge', () => {
    const { walk, probes } = setup();
    for (const p of probes.features) expect(inside(walk, p), String(p.properties?.说明)).toBe(p.properties?.walk);
    expectOutput(CASE, 'catchment-walk.geojson', walk);
  });

  it('reaches nothing on the far bank when the bridge is gone', () => {
    const streets = readInput(CASE, 'streets.geojson');
    const noBridge = { ...streets, features: streets.features.filter((f) => f.properties?.名称 !== '桥') };
    const facilities = readInput(CASE, 'facilities.geojson');
    const net = buildNetwork(noBridge);
    const walk = catchmentPolygons(catchmentNetwork(facilities, net, { distance: 300, width: 50 }));
    const byBridge = readInput(CASE, 'probes.geojson').features[2] as Feature<Point>;
    expect(inside(walk, byBridge)).toBe(false);
  });
});

describe('entrances', () => {
  const streets = readInput('grid-network', 'streets.geojson');
  const net = buildNetwork(streets);
  const square = (x0: number, y0: number, x1: number, y1: number): Feature => {
    const c = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => net.plane.inverse(x, y));
    return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [c] } };
  };

  it('a park enters the network along its whole boundary', () => {
    // A park filling the block between x 0..100 and y 0..100: its four corners are at distance 0.
    const park = { type: 'FeatureCollection' as const, features: [square(2, 2, 98, 98)] };
    const reached = reachedNodes(park, net, { distance: 10, entranceTolerance: 5 });
    expect(reached.map((r) => [Math.round(net.x[r.node]), Math.round(net.y[r.node])]).sort()).toEqual([[0, 0], [0, 100], [100, 0], [100, 100]].sort());
    for (const r of reached) expect(r.walked).toBeCloseTo(2 * Math.SQRT2, 1);
  });

  it('a park away from the streets enters at the nearest network point, and the access walk counts', () => {
    // 15 m from the street y = 0, 30 m from the nearest crossing along it.
    const park = { type: 'FeatureCollection' as const, features: [square(30, 15, 70, 45)] };
    expect(reachedNodes(park, net, { distance: 40, entranceTolerance: 5, maxAccess: 100 })).toHaveLength(0);
    const further = reachedNodes(park, net, { distance: 120, entranceTolerance: 5, maxAccess: 100 });
    expect(further.map((r) => Math.round(r.walked))).toEqual([45, 85]);
  });

  it('a greenway enters at its vertices near the network', () => {
    const gw: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[50, 50], [200, 100], [250, 250]].map(([x, y]) => net.plane.inverse(x, y)) } };
    // Only the middle vertex is on the network (a crossing); the others are 50 m from any street.
    const reached = reachedNodes({ type: 'FeatureCollection', features: [gw] }, net, { distance: 0.5, entranceTolerance: 2 });
    expect(reached.map((r) => [Math.round(net.x[r.node]), Math.round(net.y[r.node])])).toEqual([[200, 100]]);
  });

  it('leaves out facilities too far from the network', () => {
    const far: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: net.plane.inverse(2000, 0) } };
    const c = catchmentNetwork({ type: 'FeatureCollection', features: [far] }, net, { distance: 500, maxAccess: 200 });
    expect(c.skipped).toEqual([0]);
    expect(c.pieces).toHaveLength(0);
  });
});
