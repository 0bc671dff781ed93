import type { FeatureCollection } from 'geojson';
import { AtlasError } from '../../../shared/api/errors.ts';
import { presetForRequest, runAnalysis, type AnalysisInputs, type AnalysisRequest } from '../../../shared/analysis/index.ts';
import type { KindId } from '../../../shared/layers/types.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import { UsageError } from '../usage.ts';
import { parseAnalyzeArgs } from './analyze-args.ts';
import { analyzeJson, analyzeText } from './analyze-report.ts';

/**
 * `analyze P.gpkg --preset ID [--mode walk|straight] [--plan before|after|all|compare] [--distance M |
 * --minutes N] [--min-area M2] [--street-width M] [--facilities L] [--targets L] [--streets L]
 * [--districts L] [--sites L --k N] [--save [--name NAME]] [--json]`: runAnalysis, as the UI does.
 */
export function analyzeCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseAnalyzeArgs(argv);
  if (args.request.mode !== 'walk' && args.layers.streets) throw new UsageError('--streets is for --mode walk');
  const preset = presetForRequest({ ...args.request, layers: { facilities: '', targets: '' } });
  const store = ProjectStore.open(args.file);
  try {
    if (args.save && store.readOnly) {
      throw new AtlasError('read_only', `${store.path} is read-only; the run cannot be saved (leave out --save, or save a copy first)`, { file: store.path });
    }
    const layers = store.info().layers;
    const pick = (named: string | undefined, kind: KindId, required: boolean, what: string): string | undefined => {
      if (named !== undefined) {
        const layer = layers.find((l) => l.id === named || l.title === named);
        if (!layer) throw new AtlasError('not_found', `No layer "${named}" in ${store.path}; layers: ${layers.map((l) => l.id).join(', ')}`, { layer: named });
        return layer.id;
      }
      const layer = [...layers].reverse().find((l) => l.kind === kind && l.visible) ?? layers.find((l) => l.kind === kind);
      if (!layer && required) throw new AtlasError('not_found', `${store.path} has no ${kind} layer for the ${what} of the ${preset.id} analysis (name one with --${what})`, { kind });
      return layer?.id;
    };
    const request: AnalysisRequest = {
      ...args.request,
      layers: {
        facilities: pick(args.layers.facilities, preset.facilityKind, true, 'facilities')!,
        targets: pick(args.layers.targets, preset.target.kind, true, 'targets')!,
      },
    };
    const streets = args.request.mode === 'walk' ? pick(args.layers.streets, 'road', true, 'streets') : undefined;
    const districts = pick(args.layers.districts, 'district', false, 'districts');
    if (streets) request.layers.streets = streets;
    if (districts) request.layers.districts = districts;
    if (args.sites) request.sites = { candidates: pick(args.sites.candidates, 'renewal_parcel', true, 'sites')!, k: args.sites.k };

    const read = (id: string | undefined): FeatureCollection | undefined => (id === undefined ? undefined : store.layerGeoJSON(id));
    const inputs: AnalysisInputs = {
      facilities: read(request.layers.facilities)!,
      targets: read(request.layers.targets)!,
      streets: read(request.layers.streets),
      districts: read(request.layers.districts),
      candidates: read(request.sites?.candidates),
    };
    const started = performance.now();
    const outcome = runAnalysis(inputs, request);
    const durationMs = Math.round(performance.now() - started);

    let saved: { id: number; name: string } | null = null;
    if (args.save) {
      const name = args.name ?? `${preset.name.zh} ${request.plan} ${request.mode} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
      const run = store.runs().save({ name, request, figures: outcome.figures, layers: { ...outcome.layers }, durationMs });
      saved = { id: run.id, name: run.name };
    }
    if (args.json) {
      out.write(JSON.stringify(analyzeJson(preset, request, outcome, saved), null, 2) + '\n');
      return 0;
    }
    out.write(analyzeText(preset, request, outcome));
    if (saved) out.write(`saved as run ${saved.id} "${saved.name}" (see: renewal-atlas runs ${args.file})\n`);
    return 0;
  } finally {
    store.close();
  }
}
