import type { LayerInfo } from '../../shared/api/contract.ts';
import { metresToMinutes, minutesToMetres, PRESETS, type AnalysisPreset, type PresetId } from '../../shared/analysis/presets.ts';
import type { AnalysisRequest } from '../../shared/analysis/request.ts';
import type { KindId } from '../../shared/layers/types.ts';
import { DEFAULT_ENTRANCE_TOLERANCE } from '../../shared/analysis/entrances.ts';

/** Street-side width of walking catchments when the planner leaves it (catchmentNetwork's default). */
export const DEFAULT_STREET_WIDTH = 50;
/** Sites chosen by default when "where to build next" is switched on. */
export const DEFAULT_SITE_COUNT = 5;

/**
 * The analysis panel's form as the planner types it: numbers stay text until the run, so a field can
 * be half typed ("5.") without jumping. `buildRequest` turns it into an AnalysisRequest.
 */
export interface AnalysisDraft {
  preset: PresetId;
  mode: AnalysisRequest['mode'];
  plan: AnalysisRequest['plan'];
  /** Reach in metres and its minutes at 60 m/min; both '' for a preset that goes by facility size. */
  distance: string;
  minutes: string;
  /** Smallest facility area (m²); '' or 0: no area criterion. */
  minArea: string;
  /** Type values kept; none: every type. */
  types: string[];
  streetWidth: string;
  /** How far (m) a street may lie from a park's edge and still be its entrance. */
  entranceTolerance: string;
  layers: { facilities: string; targets: string; streets: string; districts: string };
  sitesOn: boolean;
  candidates: string;
  k: string;
}

/** A number as a form shows it: at most `digits` decimals, no trailing zeros. */
export function numberText(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits)));
}

/** The preset's single reach for a mode in metres, or null when it goes by facility size. */
export function presetReach(preset: AnalysisPreset, mode: AnalysisDraft['mode']): number | null {
  if (preset.tiers) return null;
  return mode === 'walk' ? preset.walking : preset.straight;
}

function reachFields(preset: AnalysisPreset, mode: AnalysisDraft['mode']): Pick<AnalysisDraft, 'distance' | 'minutes'> {
  const reach = presetReach(preset, mode);
  return reach === null ? { distance: '', minutes: '' } : { distance: String(reach), minutes: numberText(metresToMinutes(reach)) };
}

/** The layer of a kind a run reads by default: the topmost visible one, else the topmost. */
export function defaultLayerOf(kind: KindId, layers: readonly LayerInfo[]): string {
  const ofKind = layers.filter((l) => l.kind === kind).sort((a, b) => b.order - a.order);
  return (ofKind.find((l) => l.visible) ?? ofKind[0])?.id ?? '';
}

function presetFields(preset: AnalysisPreset, mode: AnalysisDraft['mode'], layers: readonly LayerInfo[]) {
  return {
    ...reachFields(preset, mode),
    minArea: preset.filter.minArea === undefined ? '' : String(preset.filter.minArea),
    types: [...(preset.filter.types ?? [])],
    facilities: defaultLayerOf(preset.facilityKind, layers),
    targets: defaultLayerOf(preset.target.kind, layers),
  };
}

/** A fresh form for a project: the 5-minute green preset, straight line, every facility, its layers. */
export function initialDraft(layers: readonly LayerInfo[], presetId: PresetId = 'green-5min'): AnalysisDraft {
  const { facilities, targets, ...fields } = presetFields(PRESETS[presetId], 'straight', layers);
  return {
    preset: presetId,
    mode: 'straight',
    plan: 'all',
    ...fields,
    streetWidth: String(DEFAULT_STREET_WIDTH),
    entranceTolerance: String(DEFAULT_ENTRANCE_TOLERANCE),
    layers: { facilities, targets, streets: defaultLayerOf('road', layers), districts: defaultLayerOf('district', layers) },
    sitesOn: false,
    candidates: defaultLayerOf('renewal_parcel', layers),
    k: String(DEFAULT_SITE_COUNT),
  };
}

/** Another preset: its distance, facility filter and facility / target layers; the rest stays. */
export function withPreset(draft: AnalysisDraft, presetId: PresetId, layers: readonly LayerInfo[]): AnalysisDraft {
  const { facilities, targets, ...fields } = presetFields(PRESETS[presetId], draft.mode, layers);
  return { ...draft, preset: presetId, ...fields, layers: { ...draft.layers, facilities, targets } };
}

/** Another mode: a distance still at the preset's value follows it (greenways: 500 m straight, 800 m walking). */
export function withMode(draft: AnalysisDraft, mode: AnalysisDraft['mode']): AnalysisDraft {
  const preset = PRESETS[draft.preset];
  const before = reachFields(preset, draft.mode);
  const untouched = draft.distance === before.distance;
  return { ...draft, mode, ...(untouched ? reachFields(preset, mode) : {}) };
}

/** A positive number typed in a field, else null. */
function positive(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

/** The distance typed in metres; the minutes follow (empty while the metres are not a number > 0). */
export function withDistance(draft: AnalysisDraft, text: string): AnalysisDraft {
  const m = positive(text);
  return { ...draft, distance: text, minutes: m === null ? '' : numberText(metresToMinutes(m)) };
}

/**
 * The distance typed in minutes (60 m/min); the metres follow, whole. Minutes that are not a number > 0
 * empty the metres, so the field says what is wrong.
 */
export function withMinutes(draft: AnalysisDraft, text: string): AnalysisDraft {
  const min = positive(text);
  return { ...draft, minutes: text, distance: min === null ? '' : numberText(minutesToMetres(min), 0) };
}

/** A type value switched on or off. */
export function withType(draft: AnalysisDraft, value: string, on: boolean): AnalysisDraft {
  const types = draft.types.filter((t) => t !== value);
  return { ...draft, types: on ? [...types, value] : types };
}
