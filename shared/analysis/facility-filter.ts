import type { Feature, FeatureCollection } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { assertCollection } from './catchment.ts';

/**
 * Which facilities count. Field names default to the layer-kind registry (面积 in m², 类型, 状态,
 * 计划年度); every criterion left out lets everything through.
 */
export interface FacilityFilter {
  /** Smallest area in m² (pocket parks: 400): from the area field, else measured (turf.area). */
  minArea?: number;
  /** Largest area in m² (exclusive), e.g. the 2,000–5,000 m² park tier. */
  maxArea?: number;
  areaField?: string;
  /** Values of the type field to keep (e.g. 地面 parking, or 学校 and 医院). */
  types?: readonly string[];
  typeField?: string;
  /** Values of the status field to keep (e.g. 现状 only, or 现状 + 新建 …). */
  statuses?: readonly string[];
  statusField?: string;
  /** Drops features whose plan year is after this (so "after the 2023 plan" leaves out 2024 works). */
  untilYear?: number;
  yearField?: string;
  /** Keep features with no status at all when `statuses` is set (default true: most layers are existing things). */
  keepMissingStatus?: boolean;
}

/** Before the plan: what exists (a park being renovated exists already). */
export const BEFORE_PLAN: FacilityFilter = { statuses: ['现状', '改建'] };

/** After the 2023 plan: what exists plus what the plan builds or renovates in 2023 or earlier. */
export const AFTER_PLAN_2023: FacilityFilter = { statuses: ['现状', '改建', '新建', '在建', '完成', '规划'], untilYear: 2023 };

/** A feature's area in m²: its area field when that holds a positive number, else turf.area of a polygon, else null. */
export function facilityArea(feature: Feature, areaField = '面积'): number | null {
  const v = Number(feature.properties?.[areaField] ?? NaN);
  if (Number.isFinite(v) && v > 0) return v;
  const t = feature.geometry?.type;
  return t === 'Polygon' || t === 'MultiPolygon' ? turfArea(feature) : null;
}

function checkFilter(f: FacilityFilter): void {
  for (const key of ['minArea', 'maxArea', 'untilYear'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new TypeError(`filterFacilities: ${key} must be a number, got ${String(v)}`);
  }
  for (const key of ['types', 'statuses'] as const) {
    const v = f[key];
    if (v !== undefined && !Array.isArray(v)) throw new TypeError(`filterFacilities: ${key} must be a list of values`);
  }
}

/** True when the feature passes the filter. */
export function passesFilter(feature: Feature, filter: FacilityFilter): boolean {
  const p = feature.properties ?? {};
  if (filter.types && !filter.types.includes(String(p[filter.typeField ?? '类型'] ?? ''))) return false;
  if (filter.statuses) {
    const s = p[filter.statusField ?? '状态'];
    if (s === undefined || s === null || s === '') {
      if (filter.keepMissingStatus === false) return false;
    } else if (!filter.statuses.includes(String(s))) return false;
  }
  if (filter.untilYear !== undefined) {
    const y = Number(p[filter.yearField ?? '计划年度'] ?? NaN);
    if (Number.isFinite(y) && y > filter.untilYear) return false;
  }
  if (filter.minArea !== undefined || filter.maxArea !== undefined) {
    const a = facilityArea(feature, filter.areaField);
    if (a === null) return false;
    if (filter.minArea !== undefined && a < filter.minArea) return false;
    if (filter.maxArea !== undefined && a >= filter.maxArea) return false;
  }
  return true;
}

/**
 * The facilities that pass the filter, in input order (the same feature objects), with `indexes`
 * pointing back into the input so results can name the original features.
 */
export function filterFacilities(facilities: FeatureCollection, filter: FacilityFilter = {}): FeatureCollection & { indexes: number[] } {
  assertCollection(facilities, 'filterFacilities: facilities');
  checkFilter(filter);
  const features: Feature[] = [];
  const indexes: number[] = [];
  facilities.features.forEach((f, i) => {
    if (passesFilter(f, filter)) {
      features.push(f);
      indexes.push(i);
    }
  });
  return { type: 'FeatureCollection', features, indexes };
}
