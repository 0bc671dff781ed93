import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Plane } from './geometry/plane.ts';
import { coveredArea, interiorPoint } from './geometry/local-overlay.ts';
import { pointInShape, shapeFromGeometry } from './geometry/shapes.ts';
import { assertCollection, type Catchment } from './catchment.ts';
import { pointReached } from './network-reach.ts';
import { numberField, overlayPlane, PieceLookup, residentialShapes, resolvePopulationField } from './residential.ts';
import { progressReporter, type RunControl } from './run-control.ts';

export interface CoverageOptions extends RunControl {
  /** Population field (人口 or 户数); default: 人口 if present, else 户数; null for none. */
  populationField?: string | null;
  /** Field that names a residential area in the per-area rows (default 小区). */
  nameField?: string;
  /** District polygons, to report coverage per district. */
  districts?: FeatureCollection;
  /** Field naming a district (default 名称). */
  districtField?: string;
  /** Share of residential land the standard asks for (0–1); default 0.9 (GB/T 51346-2019 4.3.4); null: none. */
  threshold?: number | null;
  /** Share asked of old districts (default 0.8, same standard), and which districts are old (by name). */
  oldDistrictThreshold?: number | null;
  oldDistricts?: readonly string[];
}

/** Coverage of a set of residential areas: 居住用地覆盖率 and, with a population field, the share of residents. */
export interface CoverageFigures {
  /** Target features (residential areas; or schools and hospitals as points), and how many are covered (Σ covered fractions). */
  count: number;
  coveredCount: number;
  /** Residential land area (m²), covered and not. */
  area: number;
  coveredArea: number;
  uncoveredArea: number;
  /** coveredArea / area (0–1); for point targets coveredCount / count. */
  share: number;
  /** Residents (or households), null without a population field. */
  population: number | null;
  coveredPopulation: number | null;
  populationShare: number | null;
  /** The threshold that applies, and whether `share` meets it (null when there is none). */
  threshold: number | null;
  met: boolean | null;
}

export interface AreaCoverage {
  index: number;
  /** The feature's id in its layer (the GeoPackage fid), when it has a numeric one. */
  fid?: number | null;
  name: string | null;
  district: string | null;
  area: number;
  coveredArea: number;
  /** Covered fraction of this area (0–1). */
  fraction: number;
  population: number | null;
  /** population × fraction: residents are taken as spread evenly over the area. */
  coveredPopulation: number | null;
}

export interface CoverageResult extends CoverageFigures {
  populationField: string | null;
  areas: AreaCoverage[];
  districts: (CoverageFigures & { name: string; old: boolean })[];
  /** Residential features without an area (no polygon). */
  skipped: number[];
}

function figures(rows: AreaCoverage[], threshold: number | null, withPopulation: boolean): CoverageFigures {
  let area = 0, covered = 0, pop = 0, popCovered = 0, coveredCount = 0;
  for (const r of rows) {
    coveredCount += r.fraction;
    area += r.area;
    covered += r.coveredArea;
    pop += r.population ?? 0;
    popCovered += r.coveredPopulation ?? 0;
  }
  const share = area > 0 ? covered / area : rows.length > 0 && rows.every((r) => r.area === 0) ? coveredCount / rows.length : 0;
  return {
    count: rows.length, coveredCount,
    area, coveredArea: covered, uncoveredArea: area - covered, share,
    population: withPopulation ? pop : null,
    coveredPopulation: withPopulation ? popCovered : null,
    populationShare: withPopulation ? (pop > 0 ? popCovered / pop : 0) : null,
    threshold, met: threshold === null ? null : share >= threshold,
  };
}

/** Point targets (schools, hospitals) in the plane. */
function pointsOf(g: Geometry | null, plane: Plane): [number, number][] {
  if (g?.type === 'Point') return [plane.forward(g.coordinates[0], g.coordinates[1])];
  if (g?.type === 'MultiPoint') return g.coordinates.map((c) => plane.forward(c[0], c[1]));
  return [];
}

function checkShare(v: unknown, what: string): void {
  if (v !== null && v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new RangeError(`coverage: ${what} must be a share between 0 and 1 or null, got ${String(v)}`);
}

/**
 * Share of residential land inside a catchment (居住用地覆盖率), per residential area, per district and in
 * total; with a population field also the share of residents. Point targets (schools and hospitals for
 * the parking preset) count as covered or not: inside the catchment, or (walking) when the walk reaches
 * their nearest network point with the access leg to them still left. Each residential polygon is overlaid only with the catchment pieces whose boxes meet it (a grid index), so
 * no global union is built; a polygon inside one convex piece is counted whole without any overlay.
 */
export function coverage(residential: FeatureCollection, catchment: Catchment, options: CoverageOptions = {}): CoverageResult {
  assertCollection(residential, 'coverage: residential');
  if (!catchment?.plane || !Array.isArray(catchment.pieces)) throw new TypeError('coverage: catchment must come from catchmentStraight or catchmentNetwork');
  if (options.districts !== undefined) assertCollection(options.districts, 'coverage: options.districts');
  checkShare(options.threshold, 'threshold');
  checkShare(options.oldDistrictThreshold, 'oldDistrictThreshold');
  const threshold = options.threshold === undefined ? 0.9 : options.threshold;
  const oldThreshold = options.oldDistrictThreshold === undefined ? 0.8 : options.oldDistrictThreshold;
  const nameField = options.nameField ?? '小区';
  const popField = resolvePopulationField(residential, options.populationField);
  const plane = overlayPlane(catchment, residential);
  const districts = (options.districts?.features ?? []).map((f) => ({
    name: String(f.properties?.[options.districtField ?? '名称'] ?? ''),
    shape: f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') ? shapeFromGeometry(f.geometry as Polygon | MultiPolygon, plane) : null,
  }));
  const districtOf = ([x, y]: [number, number]): string | null => {
    return districts.find((d) => d.shape && pointInShape(d.shape, x, y))?.name ?? null;
  };

  const lookup = new PieceLookup(catchment.pieces);
  // A point target is covered inside a piece (as residential land is) or, in a walking catchment, when
  // the walk reaches its nearest network point with the access leg to it still left.
  const reach = catchment.reach;
  const pointsCovered = (g: Geometry | null) => {
    const far = reach ? pointsOf(g, reach.network.plane) : [];
    return pointsOf(g, plane).filter(([x, y], k) => lookup.covers(x, y) || (reach !== undefined && pointReached(reach, far[k][0], far[k][1]))).length;
  };
  const shapes = residentialShapes(residential, plane);
  const step = progressReporter(options, shapes.length);
  const rows: AreaCoverage[] = [];
  const skipped: number[] = [];
  shapes.forEach((shape, i) => {
    step(i);
    const feature = residential.features[i];
    const points = pointsOf(feature.geometry, plane);
    if (!shape && points.length === 0) { skipped.push(i); return; }
    const covered = shape ? coveredArea(shape, lookup.near(shape)) : 0;
    const fraction = shape ? covered / shape.area : pointsCovered(feature.geometry) / points.length;
    const population = popField ? numberField(feature.properties, popField) : null;
    const name = feature.properties?.[nameField];
    rows.push({
      index: i, fid: typeof feature.id === 'number' ? feature.id : null, name: name === undefined || name === null ? null : String(name),
      district: districts.length ? districtOf(shape ? interiorPoint(shape) : points[0]) : null,
      area: shape?.area ?? 0, coveredArea: covered, fraction, population,
      coveredPopulation: population === null ? null : population * fraction,
    });
  });
  step(shapes.length);
  const old = new Set(options.oldDistricts ?? []);
  return {
    ...figures(rows, threshold, popField !== null),
    populationField: popField,
    areas: rows,
    districts: districts.map((d) => ({
      name: d.name,
      old: old.has(d.name),
      ...figures(rows.filter((r) => r.district === d.name), old.has(d.name) ? oldThreshold : threshold, popField !== null),
    })),
    skipped,
  };
}
