import type { AnalysisStage } from '../../shared/analysis/request.ts';

/** How many residential areas the card lists at once; the CSV export has them all. */
export const AREAS_LISTED = 200;

export type AreaSort = 'share' | 'residents' | 'name';

/** One residential area (or point target) in the card: its coverage after (and before, in a comparison). */
export interface AreaRow {
  index: number;
  fid: number | null;
  name: string | null;
  district: string | null;
  share: number;
  before: number | null;
  population: number | null;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/**
 * The areas of a run's last stage, paired with the first stage's share in a comparison, sorted:
 * least covered first ('share'), most residents first ('residents'), or by name in pinyin order.
 * Ties keep the layer's order.
 */
export function areaRows(stages: readonly AnalysisStage[], sort: AreaSort): AreaRow[] {
  const last = stages[stages.length - 1].coverage.areas;
  const before = stages.length > 1 ? new Map(stages[0].coverage.areas.map((a) => [a.index, a.fraction])) : null;
  const rows: AreaRow[] = last.map((a) => ({
    index: a.index,
    fid: a.fid ?? null,
    name: a.name,
    district: a.district,
    share: a.fraction,
    before: before?.get(a.index) ?? null,
    population: a.population,
  }));
  const byIndex = (a: AreaRow, b: AreaRow) => a.index - b.index;
  const compare: Record<AreaSort, (a: AreaRow, b: AreaRow) => number> = {
    share: (a, b) => a.share - b.share || (b.population ?? 0) - (a.population ?? 0) || byIndex(a, b),
    residents: (a, b) => (b.population ?? -1) - (a.population ?? -1) || byIndex(a, b),
    name: (a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || collator.compare(a.name ?? '', b.name ?? '') || byIndex(a, b),
  };
  return rows.sort(compare[sort]);
}
