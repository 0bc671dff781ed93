/**
 * The local plane every analysis measures in: a transverse Mercator projection on the CGCS2000 / GRS80
 * ellipsoid (the ellipsoid of EPSG:4549 and its Gauss-Kruger neighbours), centred on the data, scale 1
 * at the central meridian. Within a city (±50 km of the centre) lengths are true to 3e-5 and areas to
 * 6e-5, so buffers, walking distances and areas agree with GEOS in a Gauss-Kruger CRS.
 *
 * Krüger's series to the fourth order in n (Karney 2011, sub-millimetre within a few degrees of the
 * central meridian); written out here because per-point cost matters for 10^5–10^6 vertices.
 */

const A_AXIS = 6378137;
const FLATTENING = 1 / 298.257222101;
const N = FLATTENING / (2 - FLATTENING);
const E = Math.sqrt(FLATTENING * (2 - FLATTENING));
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const RECT = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64);
const ALPHA = [
  N / 2 - (2 / 3) * N2 + (5 / 16) * N3 + (41 / 180) * N4,
  (13 / 48) * N2 - (3 / 5) * N3 + (557 / 1440) * N4,
  (61 / 240) * N3 - (103 / 140) * N4,
  (49561 / 161280) * N4,
];
const BETA = [
  N / 2 - (2 / 3) * N2 + (37 / 96) * N3 - (1 / 360) * N4,
  (1 / 48) * N2 + (1 / 15) * N3 - (437 / 1440) * N4,
  (17 / 480) * N3 - (37 / 840) * N4,
  (4397 / 161280) * N4,
];
const DELTA = [
  2 * N - (2 / 3) * N2 - 2 * N3 + (116 / 45) * N4,
  (7 / 3) * N2 - (8 / 5) * N3 - (227 / 45) * N4,
  (56 / 15) * N3 - (136 / 35) * N4,
  (4279 / 630) * N4,
];
const RAD = Math.PI / 180;

/** Lon/lat (degrees) ↔ metres in one local plane. */
export interface Plane {
  readonly lon0: number;
  readonly lat0: number;
  /** Degrees to metres east and north of (lon0, lat0). */
  forward(lon: number, lat: number): [number, number];
  /** Metres back to degrees. */
  inverse(x: number, y: number): [number, number];
}

/**
 * Σ c_j·sin(2jξ)·cosh(2jη) and Σ c_j·cos(2jξ)·sinh(2jη), j = 1..4, with the multiple angles built by
 * recurrence from one sin/cos/exp (the transcendental calls are what a point costs).
 */
function series(c: readonly number[], xi: number, eta: number): [number, number] {
  const s1 = Math.sin(2 * xi);
  const c1 = Math.cos(2 * xi);
  const e1 = Math.exp(2 * eta);
  const sh1 = (e1 - 1 / e1) / 2;
  const ch1 = (e1 + 1 / e1) / 2;
  let sj = s1;
  let cj = c1;
  let shj = sh1;
  let chj = ch1;
  let a = 0;
  let b = 0;
  for (let j = 0; j < 4; j++) {
    a += c[j] * sj * chj;
    b += c[j] * cj * shj;
    const sn = sj * c1 + cj * s1;
    cj = cj * c1 - sj * s1;
    sj = sn;
    const shn = shj * ch1 + chj * sh1;
    chj = chj * ch1 + shj * sh1;
    shj = shn;
  }
  return [a, b];
}

/** ξ of the ellipsoid's conformal sphere for latitude φ on the central meridian (series applied). */
function xiOnMeridian(phi: number): number {
  const s = Math.sin(phi);
  const t = Math.sinh(Math.atanh(s) - E * Math.atanh(E * s));
  const xi1 = Math.atan(t);
  return xi1 + series(ALPHA, xi1, 0)[0];
}

/** A transverse Mercator plane with its origin at (lon0, lat0). */
export function createPlane(lon0: number, lat0: number): Plane {
  if (!Number.isFinite(lon0) || !Number.isFinite(lat0) || Math.abs(lat0) > 85) {
    throw new Error(`createPlane: the plane's centre must be a longitude/latitude in degrees, got (${lon0}, ${lat0})`);
  }
  const xi0 = xiOnMeridian(lat0 * RAD);
  const lam0 = lon0 * RAD;
  return {
    lon0,
    lat0,
    forward(lon, lat) {
      const s = Math.sin(lat * RAD);
      const t = Math.sinh(Math.atanh(s) - E * Math.atanh(E * s));
      const lam = lon * RAD - lam0;
      const xi1 = Math.atan2(t, Math.cos(lam));
      const eta1 = Math.atanh(Math.sin(lam) / Math.sqrt(1 + t * t));
      const [dXi, dEta] = series(ALPHA, xi1, eta1);
      return [RECT * (eta1 + dEta), RECT * (xi1 + dXi - xi0)];
    },
    inverse(x, y) {
      const xi = y / RECT + xi0;
      const eta = x / RECT;
      const [dXi, dEta] = series(BETA, xi, eta);
      const xi1 = xi - dXi;
      const eta1 = eta - dEta;
      const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
      let phi = chi;
      for (let j = 1; j <= 4; j++) phi += DELTA[j - 1] * Math.sin(2 * j * chi);
      const lam = Math.atan2(Math.sinh(eta1), Math.cos(xi1));
      return [(lam0 + lam) / RAD, phi / RAD];
    },
  };
}
