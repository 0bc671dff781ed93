import type { Position } from 'geojson';
import { rectRing, stripRing } from '../geometry.ts';
import { createRandom } from '../random.ts';
import type { SeedLayer } from '../seed-layer.ts';
import { buildDistricts } from './districts.ts';
import { buildFacilities } from './facilities.ts';
import { buildGreenways } from './greenways.ts';
import { buildHistoricBuildings } from './historic-buildings.ts';
import { buildHistoricDistricts } from './historic-districts.ts';
import { CANALS, LAKE_BOX, RING_CANAL_WIDTH, ringCanalRing } from './landmarks.ts';
import { allocateLots, buildLots } from './lots.ts';
import { buildParkingLots } from './parking-lots.ts';
import { buildParks } from './parks.ts';
import { groundChecker } from './placement.ts';
import { buildRenewalParcels } from './renewal-parcels.ts';
import { buildResidentialAreas } from './residential.ts';
import { buildRoadGrid, roadFeatures } from './roads.ts';
import { buildWater } from './water.ts';
import { canalParkRing } from './waterside-parks.ts';

/** Marks every title as demo data, so that nobody mistakes the synthetic layers for survey data. */
const DEMO = '（示例）';

/**
 * The synthetic Jiaxing demo project: eleven layers laid out around the real landmarks (南湖, 环城河,
 * the canals, 月河, 梅湾街) of the main urban area, in draw order from bottom to top. Deterministic:
 * the same seed gives byte-identical output. Each layer draws from its own seeded stream.
 */
export function generateJiaxingDemo(seed = 2023): SeedLayer[] {
  const rng = (label: string) => createRandom(seed, label);
  const districts = buildDistricts(rng('districts'));
  const water = buildWater(rng('water'));
  const grid = buildRoadGrid(rng('roads'));
  const historic = buildHistoricDistricts(rng('historic_districts'));
  // Lots keep clear of the lake, of the water with its banks (where the greenways run), of the historic
  // districts and of the riverside park.
  const obstacles: Position[][][] = [
    [rectRing(LAKE_BOX.west, LAKE_BOX.south, LAKE_BOX.east, LAKE_BOX.north)],
    [ringCanalRing(-40), ringCanalRing(RING_CANAL_WIDTH + 40)],
    ...CANALS.map((c) => [stripRing(c.line, c.width * 1.05 + 120)]),
    ...historic.rings.map((r) => [r]),
    [canalParkRing()],
  ];
  const lots = buildLots(grid, obstacles, rng('lots'));
  const plan = allocateLots(lots, rng('allocation'));
  const isGround = groundChecker(water.features, grid);
  const facilities = buildFacilities(plan.facilities, districts.nameAt, rng('facilities'));
  const layer = (id: string, kind: SeedLayer['kind'], title: string, features: SeedLayer['features']): SeedLayer =>
    ({ id, kind, title: `${title}${DEMO}`, features });
  return [
    layer('districts', 'district', '行政区', districts.features),
    layer('water', 'water', '水系', water.features),
    layer('roads', 'road', '道路', roadFeatures(grid)),
    layer('residential_areas', 'residential_area', '居住小区', buildResidentialAreas(plan.residential, rng('residential'))),
    layer('renewal_parcels', 'renewal_parcel', '城市更新地块', buildRenewalParcels(plan.parcels, rng('renewal_parcels'))),
    layer('historic_districts', 'historic_district', '历史文化街区', historic.features),
    layer('parks', 'park', '公园绿地', buildParks(water.lakeRadii, plan, rng('parks'))),
    layer('greenways', 'greenway', '绿道', buildGreenways(water.lakeRadii, grid, rng('greenways'))),
    layer('historic_buildings', 'historic_building', '历史建筑', buildHistoricBuildings(historic.rings, isGround, rng('historic_buildings'))),
    layer('facilities', 'facility', '公共设施', facilities),
    layer('parking_lots', 'parking_lot', '公共停车场', buildParkingLots(facilities, plan.spare, isGround, rng('parking_lots'))),
  ];
}
