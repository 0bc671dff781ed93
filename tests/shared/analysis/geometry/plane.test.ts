import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { createPlane } from '../../../../shared/analysis/geometry/plane.ts';

describe('createPlane (transverse Mercator on GRS80)', () => {
  it('agrees with proj4 to the millimetre within 1° of its centre', () => {
    const plane = createPlane(120.76, 30.75);
    const ref = proj4('WGS84', '+proj=tmerc +lat_0=30.75 +lon_0=120.76 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    for (const [lon, lat] of [[120.76, 30.75], [121.26, 30.95], [120.3, 30.2], [121.7, 31.7]]) {
      const [x, y] = plane.forward(lon, lat);
      const [rx, ry] = ref.forward([lon, lat]);
      expect(Math.hypot(x - rx, y - ry)).toBeLessThan(1e-3);
    }
  });

  it('matches EPSG:4549 up to its false easting when centred on 120°E, 0°N', () => {
    const plane = createPlane(120, 0);
    const epsg4549 = proj4('WGS84', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    const [x, y] = plane.forward(120.755, 30.755);
    const [ex, ey] = epsg4549.forward([120.755, 30.755]);
    expect(x + 500000).toBeCloseTo(ex, 3);
    expect(y).toBeCloseTo(ey, 3);
  });

  it('goes back to the same degrees', () => {
    const plane = createPlane(120.76, 30.75);
    const [lon, lat] = plane.inverse(...plane.forward(120.81234, 30.70123));
    expect(lon).toBeCloseTo(120.81234, 10);
    expect(lat).toBeCloseTo(30.70123, 10);
  });

  it('refuses a centre that is not in degrees', () => {
    expect(() => createPlane(500000, 3400000)).toThrow(/longitude\/latitude/);
  });
});
