import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { blindSpots } from '../../../shared/analysis/blind-spots.ts';
import { catchmentNetwork } from '../../../shared/analysis/catchment-network.ts';
import { catchmentPolygons } from '../../../shared/analysis/catchment-polygons.ts';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { coverage } from '../../../shared/analysis/coverage.ts';
import { buildNetwork } from '../../../shared/analysis/network.ts';
import type { RunControl } from '../../../shared/analysis/run-control.ts';
import { selectSites } from '../../../shared/analysis/site-selection.ts';
import { syntheticParks, syntheticPoints, syntheticResidential, syntheticStreets } from './synthetic.ts';

type Run = (control: RunControl) => unknown;

/** Every long analysis, on small synthetic inputs, with the control passed through. */
function runs(): [string, Run][] {
  const residential = syntheticResidential(400);
  const parks = syntheticParks(60);
  const streets = syntheticStreets(2000);
  const stations = syntheticPoints(30, 1500);
  const straight = catchmentStraight(parks, { distance: 300 });
  const net = buildNetwork(streets);
  const fc = (x: FeatureCollection) => x;
  return [
    ['catchmentStraight', (c) => catchmentStraight(parks, { distance: 300, ...c })],
    ['buildNetwork', (c) => buildNetwork(streets, c)],
    ['catchmentNetwork', (c) => catchmentNetwork(stations, net, { distance: 500, ...c })],
    ['catchmentNetwork per facility', (c) => catchmentNetwork(stations, net, { distance: 500, perFacility: true, ...c })],
    ['coverage', (c) => coverage(residential, straight, c)],
    ['blindSpots', (c) => blindSpots(residential, straight, c)],
    ['selectSites', (c) => selectSites(fc(residential), catchmentStraight(stations, { distance: 500, plane: straight.plane }), { k: 3, existing: straight, ...c })],
    ['catchmentPolygons', (c) => catchmentPolygons(straight, { tileSize: 1500, ...c })],
  ];
}

describe('progress and cancel', () => {
  for (const [name, run] of runs()) {
    it(`${name} reports progress up to 1`, () => {
      const seen: number[] = [];
      run({ onProgress: (f) => seen.push(f) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[seen.length - 1]).toBe(1);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    });

    it(`${name} stops with an AbortError when cancelled`, () => {
      const before = new AbortController();
      before.abort();
      expect(() => run({ signal: before.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
      const during = new AbortController();
      const seen: number[] = [];
      expect(() => run({ signal: during.signal, onProgress: (f) => { seen.push(f); if (f > 0) during.abort(); } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
      expect(seen[seen.length - 1]).toBeLessThan(1);
    });
  }
});
