import type { LayerSpecification } from 'maplibre-gl';

/** Text in the two languages the UI speaks: Chinese first, English beside it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Storage type of an attribute column (maps onto GeoPackage column types). */
export type FieldType = 'TEXT' | 'INTEGER' | 'REAL' | 'DATE';

/** GeoPackage geometry type name of a layer. */
export type GeometryTypeName =
  | 'POINT'
  | 'LINESTRING'
  | 'POLYGON'
  | 'MULTIPOINT'
  | 'MULTILINESTRING'
  | 'MULTIPOLYGON'
  | 'GEOMETRY';

export interface FieldDef {
  /** Column name in the GeoPackage: the Chinese field name surveyors and QGIS users see. */
  key: string;
  label: Bilingual;
  type: FieldType;
  /** Allowed values for coded fields (e.g. 更新方式 留/改/拆). */
  values?: readonly string[];
  unit?: Bilingual;
}

/** A MapLibre layer drawn for a project layer, without the id/source that the map assigns. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type StyleLayer = DistributiveOmit<Exclude<LayerSpecification, { type: 'background' | 'raster' | 'hillshade' | 'color-relief' }>, 'id' | 'source' | 'source-layer'> & {
  /** Appended to the project layer's id to form the MapLibre layer id. */
  suffix: string;
};

export interface LegendEntry {
  label: Bilingual;
  color: string;
  shape: 'fill' | 'line' | 'circle';
  /** Circle radius or line width in px, when it carries meaning (e.g. parking sized by 泊位数). */
  size?: number;
}

export type KindId =
  | 'renewal_parcel'
  | 'parking_lot'
  | 'park'
  | 'greenway'
  | 'historic_building'
  | 'historic_district'
  | 'residential_area'
  | 'facility'
  | 'water'
  | 'road'
  | 'district'
  | 'generic';

/** One layer kind: what its features are, what they carry, and how a planner reads them on the map. */
export interface LayerKind {
  id: KindId;
  name: Bilingual;
  geometry: GeometryTypeName;
  fields: readonly FieldDef[];
  /** Field shown as the map label, if any. */
  labelField?: string;
  /** Base layers draw the basemap (water, streets, boundaries) under the plan's layers. */
  base: boolean;
  style: readonly StyleLayer[];
  legend: readonly LegendEntry[];
}
