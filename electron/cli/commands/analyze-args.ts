import { parseArgs } from 'node:util';
import { minutesToMetres, PRESETS, type PresetId } from '../../../shared/analysis/index.ts';
import type { AnalysisRequest } from '../../../shared/analysis/request.ts';
import { UsageError } from '../usage.ts';

export interface AnalyzeArgs {
  file: string;
  /** The request with only the layers named on the command line; the rest are found by kind. */
  request: Omit<AnalysisRequest, 'layers'>;
  layers: { facilities?: string; targets?: string; streets?: string; districts?: string };
  sites?: { candidates: string; k: number };
  save: boolean;
  name?: string;
  json: boolean;
}

function metres(value: string | undefined, flag: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0) || value.trim() === '') throw new UsageError(`${flag} is a number${allowZero ? ' ≥ 0' : ' > 0'}, got "${value}"`);
  return n;
}

/** Reads the analyze command line into a request (see USAGE). */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      mode: { type: 'string', default: 'straight' },
      plan: { type: 'string', default: 'all' },
      distance: { type: 'string' },
      minutes: { type: 'string' },
      'min-area': { type: 'string' },
      'street-width': { type: 'string' },
      'entrance-tolerance': { type: 'string' },
      facilities: { type: 'string' },
      targets: { type: 'string' },
      streets: { type: 'string' },
      districts: { type: 'string' },
      sites: { type: 'string' },
      k: { type: 'string' },
      save: { type: 'boolean', default: false },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one project file');
  const ids = Object.keys(PRESETS);
  if (!values.preset || !ids.includes(values.preset)) throw new UsageError(`analyze needs --preset, one of: ${ids.join(', ')}`);
  if (values.mode !== 'walk' && values.mode !== 'straight') throw new UsageError('--mode is walk or straight');
  if (!['before', 'after', 'all', 'compare'].includes(values.plan)) throw new UsageError('--plan is before, after, all or compare');
  if (values.distance !== undefined && values.minutes !== undefined) throw new UsageError('give --distance or --minutes, not both');
  const minutes = metres(values.minutes, '--minutes');
  const distance = minutes !== undefined ? minutesToMetres(minutes) : metres(values.distance, '--distance');
  if (values.k !== undefined && values.sites === undefined) throw new UsageError('--k goes with --sites LAYER');
  if (values.sites !== undefined && values.k === undefined) throw new UsageError('--sites needs --k N, the number of sites to choose');
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= 100)) throw new UsageError(`--k is a whole number from 1 to 100, got "${values.k}"`);
  if (values.name !== undefined && !values.save) throw new UsageError('--name goes with --save');
  const request: Omit<AnalysisRequest, 'layers'> = { preset: values.preset as PresetId, mode: values.mode, plan: values.plan as AnalysisRequest['plan'] };
  if (distance !== undefined) request.distance = distance;
  const minArea = metres(values['min-area'], '--min-area', true);
  if (minArea !== undefined) request.minArea = minArea;
  const width = metres(values['street-width'], '--street-width');
  if (width !== undefined) request.streetWidth = width;
  const tolerance = metres(values['entrance-tolerance'], '--entrance-tolerance', true);
  if (tolerance !== undefined) request.entranceTolerance = tolerance;
  return {
    file: positionals[0],
    request,
    layers: { facilities: values.facilities, targets: values.targets, streets: values.streets, districts: values.districts },
    sites: values.sites !== undefined ? { candidates: values.sites, k: k! } : undefined,
    save: values.save,
    name: values.name,
    json: values.json,
  };
}
