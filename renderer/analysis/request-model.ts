import type { LayerInfo } from '../../shared/api/contract.ts';
import { PRESETS } from '../../shared/analysis/presets.ts';
import type { AnalysisRequest } from '../../shared/analysis/request.ts';
import { DEFAULT_STREET_WIDTH, presetReach, type AnalysisDraft } from './draft-model.ts';
import { DEFAULT_ENTRANCE_TOLERANCE } from '../../shared/analysis/entrances.ts';

/** Limits of the API contract (shared/api/analysis-runs.ts). */
export const MAX_DISTANCE = 100_000;
export const MAX_STREET_WIDTH = 1000;
export const MAX_SITES = 100;
export const MAX_ENTRANCE_TOLERANCE = 200;

export type DraftField = 'distance' | 'minArea' | 'streetWidth' | 'entranceTolerance' | 'facilities' | 'targets' | 'streets' | 'districts' | 'candidates' | 'k';

/** A message shown under a field: an i18n key under `analysis.invalid` and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}

export type DraftProblems = Partial<Record<DraftField, FieldProblem>>;

/** A number typed in a field, or null when the field is empty; NaN when it is not a number. */
function typed(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

function checkNumber(text: string, min: number, max: number, opts: { integer?: boolean; open?: boolean } = {}): FieldProblem | null {
  const n = typed(text);
  if (n === null || !Number.isFinite(n)) return { key: 'notNumber' };
  if (opts.integer && !Number.isInteger(n)) return { key: 'notInteger' };
  if (opts.open ? n <= min : n < min) return { key: opts.open ? 'aboveZero' : 'atLeast', params: { min } };
  if (n > max) return { key: 'atMost', params: { max } };
  return null;
}

function checkLayer(id: string, layers: readonly LayerInfo[], required: boolean): FieldProblem | null {
  if (!id) return required ? { key: 'layerMissing' } : null;
  return layers.some((l) => l.id === id) ? null : { key: 'layerGone' };
}

/** What is wrong with the form, field by field (empty when it can run). */
export function validateDraft(draft: AnalysisDraft, layers: readonly LayerInfo[]): DraftProblems {
  const problems: DraftProblems = {};
  const add = (field: DraftField, problem: FieldProblem | null) => {
    if (problem) problems[field] = problem;
  };
  const tiered = presetReach(PRESETS[draft.preset], draft.mode) === null;
  if (!(tiered && draft.distance.trim() === '')) add('distance', checkNumber(draft.distance, 0, MAX_DISTANCE, { open: true }));
  if (draft.minArea.trim() !== '') add('minArea', checkNumber(draft.minArea, 0, Number.MAX_SAFE_INTEGER));
  if (draft.mode === 'walk') add('streetWidth', checkNumber(draft.streetWidth, 0, MAX_STREET_WIDTH, { open: true }));
  if (draft.mode === 'walk') add('entranceTolerance', checkNumber(draft.entranceTolerance, 0, MAX_ENTRANCE_TOLERANCE));
  add('facilities', checkLayer(draft.layers.facilities, layers, true));
  add('targets', checkLayer(draft.layers.targets, layers, true));
  if (draft.mode === 'walk') add('streets', checkLayer(draft.layers.streets, layers, true));
  add('districts', checkLayer(draft.layers.districts, layers, false));
  if (draft.sitesOn) {
    add('candidates', checkLayer(draft.candidates, layers, true));
    add('k', checkNumber(draft.k, 1, MAX_SITES, { integer: true }));
  }
  return problems;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/**
 * The request for a valid form (null when a field is wrong). It names the preset and only what the
 * planner changed in it, as a saved run records it: a distance other than the preset's, another
 * smallest area (0: none) or other types, a street-side width other than 50 m.
 */
export function buildRequest(draft: AnalysisDraft, layers: readonly LayerInfo[]): AnalysisRequest | null {
  if (Object.keys(validateDraft(draft, layers)).length > 0) return null;
  const preset = PRESETS[draft.preset];
  const walk = draft.mode === 'walk';
  const distance = typed(draft.distance);
  const minArea = typed(draft.minArea) ?? 0;
  const streetWidth = Number(draft.streetWidth);
  const request: AnalysisRequest = {
    preset: draft.preset,
    mode: draft.mode,
    plan: draft.plan,
    layers: {
      facilities: draft.layers.facilities,
      targets: draft.layers.targets,
      ...(walk ? { streets: draft.layers.streets } : {}),
      ...(draft.layers.districts ? { districts: draft.layers.districts } : {}),
    },
  };
  if (distance !== null && distance !== presetReach(preset, draft.mode)) request.distance = distance;
  if (minArea !== (preset.filter.minArea ?? 0)) request.minArea = minArea;
  if (!sameValues(draft.types, preset.filter.types ?? [])) request.types = [...draft.types];
  if (walk && streetWidth !== DEFAULT_STREET_WIDTH) request.streetWidth = streetWidth;
  const tolerance = Number(draft.entranceTolerance);
  if (walk && tolerance !== DEFAULT_ENTRANCE_TOLERANCE) request.entranceTolerance = tolerance;
  if (draft.sitesOn) request.sites = { candidates: draft.candidates, k: Number(draft.k) };
  return request;
}

/** The project layers a request reads, each once (what the main thread fetches for the worker). */
export function requestLayerIds(request: AnalysisRequest): { facilities: string; targets: string; streets?: string; districts?: string; candidates?: string } {
  return { ...request.layers, ...(request.sites ? { candidates: request.sites.candidates } : {}) };
}
