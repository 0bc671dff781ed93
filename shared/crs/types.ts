/** A coordinate reference system the app can convert to and from WGS84 lon/lat. */
export interface CrsDef {
  /** Canonical id: 'EPSG:4549', 'GCJ02', 'BD09', or 'CUSTOM' for a WKT/proj string without a code. */
  id: string;
  /** Human-readable name, e.g. 'CGCS2000 / 3-degree Gauss-Kruger CM 120E'. */
  name: string;
  /** True for geographic (degrees) systems, false for projected (metres). */
  geographic: boolean;
  /** proj4 definition string; null for GCJ-02 / BD-09 (converted with gcoord). */
  proj4: string | null;
  /** ESRI-flavoured WKT to write as a shapefile .prj, when known (OGC WKT 1 for codes from the EPSG registry). */
  prjWkt?: string;
  /** What the user should know about converting with this definition, e.g. a datum shift grid that is missing. */
  note?: string;
}

export type XY = [number, number];

/** A conversion of coordinates between a CRS and WGS84 lon/lat. */
export interface CrsTransform {
  toWgs84(xy: XY): XY;
  fromWgs84(lonLat: XY): XY;
}
