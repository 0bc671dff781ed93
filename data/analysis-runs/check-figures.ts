import type { AnalysisFigures, AnalysisRequest } from '../../shared/analysis/request.ts';
import { AtlasError } from '../../shared/api/errors.ts';

const bad = (message: string) => new AtlasError('invalid_argument', `The run's figures are not usable: ${message}`, {});
const isShare = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1 + 1e-9;

/**
 * Checks the parts of a run's figures the store reads back (stages with a coverage share, areas and
 * districts as lists), so a saved run can always be listed and exported. Returns them typed.
 */
export function checkFigures(figures: { stages: unknown[] } | undefined, request: AnalysisRequest): AnalysisFigures {
  const stages = figures?.stages;
  if (!Array.isArray(stages) || stages.length < 1 || stages.length > 2) throw bad('there must be one or two stages');
  const expected = request.plan === 'compare' ? 2 : 1;
  if (stages.length !== expected) throw bad(`a "${request.plan}" run has ${expected} stage(s), got ${stages.length}`);
  stages.forEach((s, i) => {
    const stage = s as { plan?: unknown; coverage?: { share?: unknown; areas?: unknown; districts?: unknown } };
    if (!['before', 'after', 'all'].includes(String(stage?.plan))) throw bad(`stage ${i + 1} has no plan (before, after or all)`);
    const c = stage.coverage;
    if (!c || !isShare(c.share)) throw bad(`stage ${i + 1} has no coverage share between 0 and 1`);
    if (!Array.isArray(c.areas) || !Array.isArray(c.districts)) throw bad(`stage ${i + 1} lacks its per-area and per-district rows`);
  });
  return figures as unknown as AnalysisFigures;
}
