import type { Feature } from 'geojson';
import type { Bilingual, KindId } from '../layers/types.ts';
import type { DistanceOption } from './catchment.ts';
import { facilityArea, type FacilityFilter } from './facility-filter.ts';

/**
 * The walking-distance standards behind the 2023 plan as data (../shared/plan-2023/TARGETS.md,
 * "Standards behind the walking-distance analyses"). They are defaults, never constants: copy one with
 * `presetFor(id, overrides)` and change what the planner changes.
 */

/** Default walking speed: 60 m/min (1.0 m/s), the speed GB 50180's distances imply. */
export const WALKING_SPEED = 60;

/** Minutes of walking → metres. */
export function minutesToMetres(minutes: number, speed = WALKING_SPEED): number {
  return minutes * speed;
}

/** Metres of walking → minutes. */
export function metresToMinutes(metres: number, speed = WALKING_SPEED): number {
  if (!(speed > 0)) throw new RangeError(`metresToMinutes: speed must be > 0 m/min, got ${speed}`);
  return metres / speed;
}

export type PresetId = 'green-5min' | 'park-service' | 'greenway-10min' | 'parking-school-hospital' | 'service-10min' | 'life-15min';

/** A reach by facility size: areas in [minArea, maxArea) m² get `distance` metres. */
export interface DistanceTier {
  minArea: number;
  maxArea?: number;
  distance: number;
}

export interface AnalysisPreset {
  id: PresetId;
  name: Bilingual;
  /** Layer kind of the facilities, and which of its features count. */
  facilityKind: KindId;
  filter: FacilityFilter;
  /** What coverage is measured for: residential land, or (parking) schools and hospitals. */
  target: { kind: KindId; filter: FacilityFilter };
  /** Straight-line radius and walking distance in metres. */
  straight: number;
  walking: number;
  /** Reach by facility area; when set it replaces `straight` and `walking` per facility. */
  tiers?: DistanceTier[];
  /** Coverage share the standard asks for, and for old districts; null where no standard gives one. */
  threshold: number | null;
  oldDistrictThreshold: number | null;
  source: string;
}

const RESIDENTIAL = { kind: 'residential_area', filter: {} } as const;
const GB51346 = 'GB/T 51346-2019 4.3.4: park service radius covers ≥ 90% of residential land, ≥ 80% in old districts';

export const PRESETS: Record<PresetId, AnalysisPreset> = {
  'green-5min': {
    id: 'green-5min',
    name: { zh: '5分钟见绿', en: '5-minute green' },
    facilityKind: 'park',
    filter: { minArea: 400 },
    target: RESIDENTIAL,
    straight: 300,
    walking: 300,
    threshold: 0.9,
    oldDistrictThreshold: 0.8,
    source: `GB 50180-2018 five-minute life circle (300 m); pocket parks of 400 m² and more (MOHURD 2022); ${GB51346}`,
  },
  'park-service': {
    id: 'park-service',
    name: { zh: '公园服务半径', en: 'Park service radius' },
    facilityKind: 'park',
    filter: { minArea: 2000 },
    target: RESIDENTIAL,
    straight: 500,
    walking: 500,
    tiers: [
      { minArea: 5000, distance: 500 },
      { minArea: 2000, maxArea: 5000, distance: 300 },
    ],
    threshold: 0.9,
    oldDistrictThreshold: 0.8,
    source: `GB/T 50563-2010 practice (inside historic districts parks of 1,000 m² count: add a tier); ${GB51346}`,
  },
  'greenway-10min': {
    id: 'greenway-10min',
    name: { zh: '10分钟进道', en: '10-minute greenway' },
    facilityKind: 'greenway',
    filter: {},
    target: RESIDENTIAL,
    straight: 500,
    walking: 800,
    threshold: null,
    oldDistrictThreshold: null,
    source: 'GB 50180-2018 ten-minute life circle (500 m straight); 600–800 m along streets; Hangzhou practice 70–80% of built-up area (no national share)',
  },
  'parking-school-hospital': {
    id: 'parking-school-hospital',
    name: { zh: '学校医院周边停车', en: 'Parking near schools and hospitals' },
    facilityKind: 'parking_lot',
    filter: {},
    target: { kind: 'facility', filter: { types: ['学校', '医院'] } },
    straight: 300,
    walking: 300,
    threshold: null,
    oldDistrictThreshold: null,
    source: 'GB 50220-95 8.1.4 (withdrawn, still the usual figure): 300 m, 200 m in the city centre',
  },
  'service-10min': {
    id: 'service-10min',
    name: { zh: '10分钟便民服务圈', en: '10-minute service circle' },
    facilityKind: 'facility',
    filter: { types: ['驿站'] },
    target: RESIDENTIAL,
    straight: 500,
    walking: 500,
    threshold: null,
    oldDistrictThreshold: null,
    source: 'GB 50180-2018 ten-minute life circle (500 m walking)',
  },
  'life-15min': {
    id: 'life-15min',
    name: { zh: '15分钟生活圈', en: '15-minute life circle' },
    facilityKind: 'facility',
    filter: {},
    target: RESIDENTIAL,
    straight: 1000,
    walking: 1000,
    threshold: null,
    oldDistrictThreshold: null,
    source: 'GB 50180-2018 fifteen-minute life circle (800–1000 m)',
  },
};

/** A fresh, editable copy of a preset with the given fields replaced. */
export function presetFor(id: PresetId, overrides: Partial<Omit<AnalysisPreset, 'id'>> = {}): AnalysisPreset {
  const base = PRESETS[id];
  if (!base) throw new RangeError(`presetFor: unknown preset "${id}" (known: ${Object.keys(PRESETS).join(', ')})`);
  return structuredClone({ ...base, ...overrides, id });
}

/** The distance option of a preset for a mode: its tiers by facility area when it has them. */
export function presetDistance(preset: AnalysisPreset, mode: 'straight' | 'walk'): DistanceOption {
  if (!preset.tiers) return mode === 'straight' ? preset.straight : preset.walking;
  const tiers = preset.tiers;
  const areaField = preset.filter.areaField;
  return (feature: Feature) => {
    const a = facilityArea(feature, areaField);
    const tier = a === null ? undefined : tiers.find((t) => a >= t.minArea && (t.maxArea === undefined || a < t.maxArea));
    return tier ? tier.distance : null;
  };
}
