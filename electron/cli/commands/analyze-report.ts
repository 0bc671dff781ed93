import { topBlindSpots, type AnalysisPreset, type CoverageResult } from '../../../shared/analysis/index.ts';
import type { AnalysisOutcome, AnalysisRequest } from '../../../shared/analysis/request.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ha = (m2: number) => `${(m2 / 10_000).toFixed(1)} ha`;
const STAGE: Record<string, string> = { before: 'before the plan', after: 'after the 2023 plan', all: 'all facilities' };

/** Coverage without the per-area rows (a script reads those from a saved run's export). */
function headline(c: CoverageResult) {
  const { areas: _areas, ...figures } = c;
  return figures;
}

/** How many blind spots the report lists: those affecting most residents (the layer's ranks). */
const SPOTS_LISTED = 5;

/** What `analyze --json` prints: the request, each stage's figures, the sites, and the saved run. */
export function analyzeJson(preset: AnalysisPreset, request: AnalysisRequest, outcome: AnalysisOutcome, saved: { id: number; name: string } | null): unknown {
  const { stages, distance, sites } = outcome.figures;
  const last = stages[stages.length - 1];
  return {
    preset: preset.id,
    name: preset.name,
    mode: request.mode,
    plan: request.plan,
    distance,
    request,
    // The last stage, as before `--plan compare` existed.
    facilities: last.facilitiesUsed,
    coverage: headline(last.coverage),
    blindSpots: last.blindSpotCount,
    topBlindSpots: topBlindSpots(outcome.layers.blindSpots, SPOTS_LISTED),
    stages: stages.map((s) => ({ plan: s.plan, facilities: s.facilitiesUsed, coverage: headline(s.coverage), blindSpots: s.blindSpotCount })),
    sites: sites && {
      weight: sites.weight,
      shareBefore: sites.shareBefore,
      picks: sites.picks.map((p, i) => ({ rank: i + 1, ...p, name: sites.candidateNames[i] })),
    },
    run: saved,
  };
}

/** The human-readable report of an analysis. */
export function analyzeText(preset: AnalysisPreset, request: AnalysisRequest, outcome: AnalysisOutcome): string {
  const { stages, distance, sites } = outcome.figures;
  const lines: string[] = [];
  const reach = distance === null ? 'by park size' : `${distance} m`;
  const single = stages.length === 1 ? `, facilities: ${stages[0].plan} (${stages[0].facilitiesUsed})` : '';
  lines.push(`${preset.name.zh} ${preset.name.en} — ${request.mode === 'walk' ? 'walking' : 'straight line'}, ${reach}${single}`);
  for (const s of stages) {
    const c = s.coverage;
    const pad = stages.length > 1 ? '  ' : '';
    if (stages.length > 1) lines.push(`${STAGE[s.plan]} — ${s.facilitiesUsed} facilities`);
    lines.push(`${pad}covered: ${pct(c.share)} of ${c.count} targets' land (${ha(c.coveredArea)} of ${ha(c.area)}; uncovered ${ha(c.uncoveredArea)})`);
    if (c.populationShare !== null) lines.push(`${pad}residents: ${pct(c.populationShare)} (${Math.round(c.coveredPopulation ?? 0)} of ${Math.round(c.population ?? 0)})`);
    if (c.threshold !== null) lines.push(`${pad}standard: ≥ ${pct(c.threshold)} — ${c.met ? 'met' : 'NOT met'}`);
    for (const d of c.districts) lines.push(`${pad}  ${d.name}: ${pct(d.share)}${d.met === null ? '' : d.met ? ' (met)' : ' (not met)'}`);
    lines.push(`${pad}blind spots: ${s.blindSpotCount}`);
  }
  const spots = topBlindSpots(outcome.layers.blindSpots, SPOTS_LISTED);
  if (spots.length > 0) {
    lines.push(`worst blind spots${stages.length > 1 ? ' after the plan' : ''} (${spots.length} of ${stages[stages.length - 1].blindSpotCount}):`);
    for (const p of spots) {
      const where = `${p.name ?? 'unnamed'}${p.district ? ` (${p.district})` : ''}`;
      const who = p.affected === null ? '' : `, ${Math.round(p.affected)} residents`;
      lines.push(`  ${p.rank}. ${where}: ${ha(p.area)} uncovered (${pct(p.uncoveredFraction)} of the area)${who}`);
    }
  }
  if (stages.length === 2) {
    const [a, b] = stages.map((s) => s.coverage.share);
    lines.push(`change: ${b >= a ? '+' : ''}${((b - a) * 100).toFixed(1)} points (${pct(a)} → ${pct(b)})`);
  }
  if (sites) {
    lines.push(`where to build next (${sites.picks.length} of the candidates, by ${sites.weight === 'population' ? 'residents' : 'area'}; now ${pct(sites.shareBefore)}):`);
    sites.picks.forEach((p, i) => {
      const who = sites.candidateNames[i] ?? `candidate ${p.candidate + 1}`;
      const people = p.gainPopulation === null ? '' : `, +${Math.round(p.gainPopulation)} residents`;
      lines.push(`  ${i + 1}. ${who}: +${ha(p.gainArea)}${people} → ${pct(p.shareAfter)}`);
    });
  }
  return lines.join('\n') + '\n';
}
