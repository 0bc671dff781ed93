import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import { PRESETS, presetFor, runPreset, type PresetId } from '../../../shared/analysis/index.ts';
import type { KindId } from '../../../shared/layers/types.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ha = (m2: number) => `${(m2 / 10_000).toFixed(1)} ha`;

/** `analyze P.gpkg --preset ID [--mode walk|straight] [--plan before|after|all] [--distance M] [--json]` */
export function analyzeCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      mode: { type: 'string', default: 'straight' },
      plan: { type: 'string', default: 'all' },
      distance: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one project file');
  const ids = Object.keys(PRESETS);
  if (!values.preset || !ids.includes(values.preset)) throw new UsageError(`analyze needs --preset, one of: ${ids.join(', ')}`);
  if (values.mode !== 'walk' && values.mode !== 'straight') throw new UsageError('--mode is walk or straight');
  if (!['before', 'after', 'all'].includes(values.plan)) throw new UsageError('--plan is before, after or all');
  const distance = values.distance === undefined ? undefined : Number(values.distance);
  if (distance !== undefined && !(distance > 0)) throw new UsageError('--distance is a number of metres');
  const preset = presetFor(values.preset as PresetId, distance ? { straight: distance, walking: distance, tiers: undefined } : {});

  const store = ProjectStore.open(positionals[0]);
  let inputs;
  try {
    const layers = store.info().layers;
    const byKind = (kind: KindId, required: boolean): FeatureCollection | undefined => {
      const layer = [...layers].reverse().find((l) => l.kind === kind && l.visible) ?? layers.find((l) => l.kind === kind);
      if (!layer && required) throw new AtlasError('not_found', `${store.path} has no ${kind} layer, which the ${preset.id} analysis needs`, { kind });
      return layer ? store.layerGeoJSON(layer.id) : undefined;
    };
    inputs = {
      facilities: byKind(preset.facilityKind, true)!,
      targets: byKind(preset.target.kind, true)!,
      streets: values.mode === 'walk' ? byKind('road', true) : undefined,
      districts: byKind('district', false),
    };
  } finally {
    store.close();
  }
  const result = runPreset(inputs, preset, { mode: values.mode, plan: values.plan as 'before' | 'after' | 'all' });
  const c = result.coverage;
  if (values.json) {
    const { areas, ...figures } = c;
    out.write(JSON.stringify({ preset: preset.id, name: preset.name, mode: result.mode, plan: result.plan, facilities: result.facilitiesUsed, coverage: figures, blindSpots: result.blindSpots.features.length }, null, 2) + '\n');
    return 0;
  }
  const reach = values.mode === 'walk' ? preset.walking : preset.straight;
  out.write(`${preset.name.zh} ${preset.name.en} — ${values.mode === 'walk' ? 'walking' : 'straight line'}, ${preset.tiers ? 'by park size' : `${reach} m`}, facilities: ${values.plan} (${result.facilitiesUsed})\n`);
  out.write(`covered: ${pct(c.share)} of ${c.count} targets' land (${ha(c.coveredArea)} of ${ha(c.area)}; uncovered ${ha(c.uncoveredArea)})\n`);
  if (c.populationShare !== null) out.write(`residents: ${pct(c.populationShare)} (${Math.round(c.coveredPopulation ?? 0)} of ${Math.round(c.population ?? 0)})\n`);
  if (c.threshold !== null) out.write(`standard: ≥ ${pct(c.threshold)} — ${c.met ? 'met' : 'NOT met'}\n`);
  for (const d of c.districts) out.write(`  ${d.name}: ${pct(d.share)}${d.met === null ? '' : d.met ? ' (met)' : ' (not met)'}\n`);
  out.write(`blind spots: ${result.blindSpots.features.length}\n`);
  return 0;
}
