import type { Datum } from './datums.ts';

/** Numbers as ArcGIS and GDAL's `wkt_esri` write them: integers keep a `.0`. */
function num(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** ESRI WKT of a datum's geographic CRS (what a shapefile .prj holds for lon/lat data). */
export function esriGeogcs(datum: Datum): string {
  return (
    `GEOGCS["${datum.esriGcs}",DATUM["${datum.esriDatum}",SPHEROID["${datum.esriSpheroid}",${num(datum.a)},${num(datum.rf)}]],` +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
  );
}

/** ESRI WKT of a projected CRS in metres; parameters are written in the order given. */
export function esriProjcs(name: string, datum: Datum, projection: string, params: [string, number][]): string {
  const p = params.map(([key, value]) => `PARAMETER["${key}",${num(value)}]`).join(',');
  return `PROJCS["${name}",${esriGeogcs(datum)},PROJECTION["${projection}"],${p},UNIT["Meter",1.0]]`;
}

/** ESRI WKT of a transverse Mercator CRS; `projection` is 'Gauss_Kruger' for Chinese GK zones. */
export function esriTransverseMercator(
  name: string,
  datum: Datum,
  projection: 'Gauss_Kruger' | 'Transverse_Mercator',
  t: { lon0: number; k: number; x0: number; y0: number },
): string {
  return esriProjcs(name, datum, projection, [
    ['False_Easting', t.x0],
    ['False_Northing', t.y0],
    ['Central_Meridian', t.lon0],
    ['Scale_Factor', t.k],
    ['Latitude_Of_Origin', 0],
  ]);
}
