import type { AnalysisFigures } from '../../shared/analysis/request.ts';

/** One line of a run's figures table: a stage's total, a district, or a residential area. */
export interface FigureRow {
  stage: string;
  level: 'total' | 'district' | 'area';
  name: string | null;
  district: string | null;
  area_m2: number;
  covered_m2: number;
  share: number;
  population: number | null;
  covered_population: number | null;
  population_share: number | null;
  threshold: number | null;
  met: 'yes' | 'no' | null;
}

/** Columns of the figures table in the order they are written (CSV header, GeoPackage columns). */
export const FIGURE_COLUMNS: { key: keyof FigureRow; type: 'TEXT' | 'REAL' }[] = [
  { key: 'stage', type: 'TEXT' },
  { key: 'level', type: 'TEXT' },
  { key: 'name', type: 'TEXT' },
  { key: 'district', type: 'TEXT' },
  { key: 'area_m2', type: 'REAL' },
  { key: 'covered_m2', type: 'REAL' },
  { key: 'share', type: 'REAL' },
  { key: 'population', type: 'REAL' },
  { key: 'covered_population', type: 'REAL' },
  { key: 'population_share', type: 'REAL' },
  { key: 'threshold', type: 'REAL' },
  { key: 'met', type: 'TEXT' },
];

const yesNo = (met: boolean | null | undefined) => (met === null || met === undefined ? null : met ? 'yes' : 'no');

/**
 * The figures of every stage as rows: the stage's total, then one row per district and one per
 * residential area (or point target), with share, covered area and residents.
 */
export function figureRows(figures: AnalysisFigures): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const { plan, coverage: c } of figures.stages) {
    rows.push({
      stage: plan, level: 'total', name: null, district: null, area_m2: c.area, covered_m2: c.coveredArea, share: c.share,
      population: c.population, covered_population: c.coveredPopulation, population_share: c.populationShare, threshold: c.threshold, met: yesNo(c.met),
    });
    for (const d of c.districts) {
      rows.push({
        stage: plan, level: 'district', name: d.name, district: d.name, area_m2: d.area, covered_m2: d.coveredArea, share: d.share,
        population: d.population, covered_population: d.coveredPopulation, population_share: d.populationShare, threshold: d.threshold, met: yesNo(d.met),
      });
    }
    for (const a of c.areas) {
      rows.push({
        stage: plan, level: 'area', name: a.name, district: a.district, area_m2: a.area, covered_m2: a.coveredArea, share: a.fraction,
        population: a.population, covered_population: a.coveredPopulation, population_share: a.population === null ? null : a.fraction, threshold: null, met: null,
      });
    }
  }
  return rows;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV text: UTF-8 BOM (so Excel shows Chinese names), CRLF, RFC 4180 quoting. */
export function figuresCsv(rows: readonly FigureRow[]): string {
  const lines = [FIGURE_COLUMNS.map((c) => c.key).join(','), ...rows.map((r) => FIGURE_COLUMNS.map((c) => cell(r[c.key])).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
