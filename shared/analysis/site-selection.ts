import type { FeatureCollection } from 'geojson';
import { GridIndex } from './geometry/grid-index.ts';
import { coveredArea } from './geometry/local-overlay.ts';
import type { Shape } from './geometry/shapes.ts';
import { assertCollection, type Catchment, type CatchmentPiece } from './catchment.ts';
import { numberField, overlayPlane, PieceLookup, residentialShapes, resolvePopulationField } from './residential.ts';
import { progressReporter, type RunControl } from './run-control.ts';

export interface SiteSelectionOptions extends RunControl {
  /** How many sites to choose. */
  k: number;
  /** What a site gains: newly covered residential area (m²) or residents; default residents when a population field exists. */
  weight?: 'area' | 'population';
  populationField?: string | null;
  /** What is covered already (existing facilities); null: nothing. */
  existing?: Catchment | null;
}

export interface SitePick {
  /** Index of the candidate in the candidates' input collection. */
  candidate: number;
  /** Gain in the chosen weight, newly covered area (m²) and residents (null without population). */
  gain: number;
  gainArea: number;
  gainPopulation: number | null;
  /** Covered share of residential land after this pick. */
  shareAfter: number;
}

export interface SiteSelectionResult {
  weight: 'area' | 'population';
  picks: SitePick[];
  /** Covered share of residential land before any pick (existing catchment only). */
  shareBefore: number;
}

/**
 * Greedy maximal coverage: picks, k times, the candidate whose catchment adds the most newly covered
 * residential area (or residents), given what is covered already. `candidates` is the catchment of the
 * candidate sites from the same function as the analysis (catchmentStraight, or catchmentNetwork with
 * perFacility), so a site is judged exactly as a built facility would be. Gains only shrink as sites
 * are added (coverage is submodular), so a stale gain is an upper bound and only the leading candidate
 * is re-evaluated each round (lazy greedy); the result is the plain greedy's.
 */
export function selectSites(residential: FeatureCollection, candidates: Catchment, options: SiteSelectionOptions): SiteSelectionResult {
  assertCollection(residential, 'selectSites: residential');
  if (!candidates?.plane || !Array.isArray(candidates.pieces)) throw new TypeError('selectSites: candidates must be a catchment of the candidate sites');
  if (candidates.pieces.some((p) => p.facility < 0)) throw new TypeError('selectSites: the candidates\' catchment must be per facility (catchmentNetwork with perFacility: true)');
  const ex = options?.existing;
  if (ex?.pieces.length && candidates.pieces.length && (ex.plane.lon0 !== candidates.plane.lon0 || ex.plane.lat0 !== candidates.plane.lat0)) {
    throw new TypeError('selectSites: the existing and candidate catchments must be measured in the same plane (pass one `plane` to both, or build both on one network)');
  }
  if (!Number.isInteger(options?.k) || options.k < 0) throw new RangeError(`selectSites: k must be a whole number ≥ 0, got ${String(options?.k)}`);
  const popField = resolvePopulationField(residential, options.populationField);
  const weight = options.weight ?? (popField ? 'population' : 'area');
  if (weight === 'population' && !popField) throw new TypeError('selectSites: weight "population" needs a population field (人口 or 户数)');

  const plane = candidates.pieces.length || !ex ? overlayPlane(candidates, residential) : overlayPlane(ex, residential);
  const shapes = residentialShapes(residential, plane);
  const pop = residential.features.map((f) => (popField ? numberField(f.properties, popField) ?? 0 : 0));
  const existing = new PieceLookup(options.existing?.pieces ?? []);
  const areaIndex = new GridIndex(shapes.map((s) => s?.bbox ?? [Infinity, Infinity, -Infinity, -Infinity]));
  const byCandidate = new Map<number, CatchmentPiece[]>();
  for (const p of candidates.pieces) byCandidate.set(p.facility, [...(byCandidate.get(p.facility) ?? []), p]);

  const totalArea = shapes.reduce((s, x) => s + (x?.area ?? 0), 0);
  const current = shapes.map((s) => (s ? existing.near(s) : []));
  const covered = shapes.map((s, i) => (s ? coveredArea(s, current[i]) : 0));
  let coveredTotal = covered.reduce((a, b) => a + b, 0);
  const meets = (s: Shape, p: CatchmentPiece) => p.bbox[0] <= s.bbox[2] && p.bbox[2] >= s.bbox[0] && p.bbox[1] <= s.bbox[3] && p.bbox[3] >= s.bbox[1];

  /** New covered area per residential area if candidate c were added. */
  const evaluate = (c: number) => {
    const pieces = byCandidate.get(c) ?? [];
    const areas = new Set<number>();
    for (const p of pieces) for (const i of areaIndex.search(p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3])) areas.add(i);
    const gains: [number, number, number][] = []; // area index, new covered area, gain in m²
    let gainArea = 0, gainPop = 0;
    for (const i of areas) {
      const s = shapes[i]!;
      const near = pieces.filter((p) => meets(s, p));
      if (covered[i] >= s.area || near.length === 0) continue;
      const after = coveredArea(s, [...current[i], ...near]);
      if (after <= covered[i]) continue;
      gains.push([i, after, after - covered[i]]);
      gainArea += after - covered[i];
      gainPop += (pop[i] * (after - covered[i])) / s.area;
    }
    return { gains, gainArea, gainPop, value: weight === 'area' ? gainArea : gainPop };
  };

  const ids = [...byCandidate.keys()].sort((a, b) => a - b);
  const step = progressReporter(options, ids.length + options.k);
  const bound = new Map<number, { value: number; round: number }>();
  ids.forEach((c, n) => { step(n); bound.set(c, { value: evaluate(c).value, round: 0 }); });
  const shareBefore = totalArea > 0 ? coveredTotal / totalArea : 0;
  const picks: SitePick[] = [];
  for (let round = 1; round <= options.k && bound.size > 0; round++) {
    step(ids.length + round - 1);
    for (;;) {
      let best = -1;
      for (const [c, b] of bound) if (best < 0 || b.value > bound.get(best)!.value || (b.value === bound.get(best)!.value && c < best)) best = c;
      const b = bound.get(best)!;
      if (b.round === round) {
        const r = evaluate(best);
        for (const [i, after] of r.gains) {
          current[i] = [...current[i], ...(byCandidate.get(best) ?? []).filter((p) => meets(shapes[i]!, p))];
          coveredTotal += after - covered[i];
          covered[i] = after;
        }
        picks.push({ candidate: best, gain: r.value, gainArea: r.gainArea, gainPopulation: popField ? r.gainPop : null, shareAfter: totalArea > 0 ? coveredTotal / totalArea : 0 });
        bound.delete(best);
        break;
      }
      bound.set(best, { value: evaluate(best).value, round });
    }
  }
  step(ids.length + options.k);
  return { weight, picks, shareBefore };
}
