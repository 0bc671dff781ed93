/**
 * The four geodetic datums the app knows by code, with what a proj4 string and an ESRI .prj need.
 *
 * Beijing 1954 and Xian 1980 get no `+towgs84`: China publishes no national shift to CGCS2000/WGS84,
 * and GDAL/PROJ at Jiaxing use a "ballpark" no-op as well, so lon/lat on those ellipsoids is taken
 * as WGS84 lon/lat. That matches GDAL, but the real datum difference (tens of metres, Beijing 1954
 * up to around a hundred) stays in the data. Users with local parameters can give a proj4 string.
 */
export interface Datum {
  /** EPSG name of the geographic CRS, e.g. 'Xian 1980'. */
  name: string;
  /** How EPSG names of its projected CRSs begin, e.g. 'CGCS2000 / ...'. */
  shortName: string;
  /** EPSG code of the geographic CRS. */
  geographicCode: number;
  /** Ellipsoid (and datum) part of a proj4 string. */
  proj4: string;
  /** Semi-major axis in metres. */
  a: number;
  /** Inverse flattening. */
  rf: number;
  /** Prefix of ESRI projected CRS names, e.g. 'Xian_1980'. */
  esriPrefix: string;
  /** ESRI names of the geographic CRS, datum and spheroid, as ArcGIS writes them in a .prj. */
  esriGcs: string;
  esriDatum: string;
  esriSpheroid: string;
}

/** WGS 84, the app's storage datum. */
export const WGS84: Datum = {
  name: 'WGS 84',
  shortName: 'WGS 84',
  geographicCode: 4326,
  proj4: '+datum=WGS84',
  a: 6378137,
  rf: 298.257223563,
  esriPrefix: 'WGS_1984',
  esriGcs: 'GCS_WGS_1984',
  esriDatum: 'D_WGS_1984',
  esriSpheroid: 'WGS_1984',
};

/** CGCS2000: the GRS80-like CGCS2000 ellipsoid; taken as equal to WGS84 (sub-metre at planning scale). */
export const CGCS2000: Datum = {
  name: 'China Geodetic Coordinate System 2000',
  shortName: 'CGCS2000',
  geographicCode: 4490,
  proj4: '+ellps=GRS80',
  a: 6378137,
  rf: 298.257222101,
  esriPrefix: 'CGCS2000',
  esriGcs: 'GCS_China_Geodetic_Coordinate_System_2000',
  esriDatum: 'D_China_2000',
  esriSpheroid: 'CGCS2000',
};

/** Xian 1980 on the IAG 1975 ellipsoid (proj4 calls it IAU76). */
export const XIAN1980: Datum = {
  name: 'Xian 1980',
  shortName: 'Xian 1980',
  geographicCode: 4610,
  proj4: '+ellps=IAU76',
  a: 6378140,
  rf: 298.257,
  esriPrefix: 'Xian_1980',
  esriGcs: 'GCS_Xian_1980',
  esriDatum: 'D_Xian_1980',
  esriSpheroid: 'Xian_1980',
};

/** Beijing 1954 on the Krassowsky 1940 ellipsoid. */
export const BEIJING1954: Datum = {
  name: 'Beijing 1954',
  shortName: 'Beijing 1954',
  geographicCode: 4214,
  proj4: '+ellps=krass',
  a: 6378245,
  rf: 298.3,
  esriPrefix: 'Beijing_1954',
  esriGcs: 'GCS_Beijing_1954',
  esriDatum: 'D_Beijing_1954',
  esriSpheroid: 'Krasovsky_1940',
};
