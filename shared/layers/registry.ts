import type { KindId, LayerKind } from './types.ts';
import { renewalParcel } from './kinds/renewal-parcel.ts';
import { parkingLot } from './kinds/parking-lot.ts';
import { park } from './kinds/park.ts';
import { greenway } from './kinds/greenway.ts';
import { historicBuilding } from './kinds/historic-building.ts';
import { historicDistrict } from './kinds/historic-district.ts';
import { residentialArea } from './kinds/residential-area.ts';
import { facility } from './kinds/facility.ts';
import { water } from './kinds/water.ts';
import { road } from './kinds/road.ts';
import { district } from './kinds/district.ts';
import { generic } from './kinds/generic.ts';

/** Every layer kind the app knows, by id. */
export const LAYER_KINDS: Readonly<Record<KindId, LayerKind>> = {
  renewal_parcel: renewalParcel,
  parking_lot: parkingLot,
  park,
  greenway,
  historic_building: historicBuilding,
  historic_district: historicDistrict,
  residential_area: residentialArea,
  facility,
  water,
  road,
  district,
  generic,
};

export const KIND_IDS = Object.keys(LAYER_KINDS) as KindId[];

/** The kind for an id; unknown ids (e.g. from a newer app version) fall back to the generic kind. */
export function getKind(id: string): LayerKind {
  return (LAYER_KINDS as Record<string, LayerKind | undefined>)[id] ?? generic;
}

export function isKindId(id: string): id is KindId {
  return id in LAYER_KINDS;
}
