import type { Position } from 'geojson';
import { rectRing, stripRing } from '../geometry.ts';
import { createRandom } from '../random.ts';
import type { SeedLayer } from '../seed-layer.ts';
import { buildDistricts } from './districts.ts';
import { buildFacilities } from './facilities.ts';
import { greenwayFeatures, isWalk, planGreenways } from './greenways.ts';
import { buildHistoricBuildings } from './historic-buildings.ts';
import { buildHistoricDistricts } from './historic-districts.ts';
import { CANALS, inBox, LAKE_BOX, RING_CANAL_WIDTH, ringCanalRing } from './landmarks.ts';
import { allocateLots, buildLots } from './lots.ts';
import { buildParkingLots } from './parking-lots.ts';
import { buildParks } from './parks.ts';
import { groundChecker, roadClearance } from './placement.ts';
import { buildRenewalParcels } from './renewal-parcels.ts';
import { buildResidentialAreas } from './residential.ts';
import { buildRoadGrid, gridBlocks, INNER_AREA } from './roads.ts';
import { buildStreets, withCrossings } from './streets.ts';
import { buildWater } from './water.ts';
import { canalParkRing } from './waterside-parks.ts';

/** Marks every title as demo data, so that nobody mistakes the synthetic layers for survey data. */
const DEMO = '（示例）';
const LAKE_PARK_NAMES = ['南湖东岸公园', '南湖北岸公园', '南湖西岸公园', '南湖南岸公园'];

/**
 * The synthetic Jiaxing demo project: eleven layers laid out around the real landmarks (南湖, 环城河,
 * the canals, 月河, 梅湾街) of the main urban area, in draw order from bottom to top. Deterministic:
 * the same seed gives byte-identical output. Each layer draws from its own seeded stream.
 *
 * The road layer is a walking network as well as a basemap (streets.ts): streets, lanes, estate roads
 * and park paths noded at every junction, parks with gates on their boundary, bridges where streets
 * cross the water and nowhere else, so that walking catchments behave as on a real city's network.
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
  const { lots, lanes } = buildLots(gridBlocks(grid), obstacles, rng('lots'));
  const plan = allocateLots(lots, rng('allocation'));
  const facilities = buildFacilities(plan.facilities, districts.nameAt, rng('facilities'));
  const residential = buildResidentialAreas(plan.residential, rng('residential'));
  const parcels = buildRenewalParcels(plan.parcels, rng('renewal_parcels'));
  const parks = buildParks(water.lakeRadii, plan, rng('parks'));
  const greenways = planGreenways(water.lakeRadii, grid, rng('greenways'));
  const walks = greenways.filter(isWalk);
  // Lanes run where lots are built on (and through open lots in the inner city); elsewhere the blocks
  // between arterials stay open land.
  const openLots = [...plan.spare, ...parcels.unused].filter((l) => inBox(l.centre, INNER_AREA));
  const built = new Set([...plan.residential, ...plan.parcels, ...plan.cityParks, ...plan.communityParks, ...plan.pocketParks, ...plan.facilities, ...openLots]);
  const streets = buildStreets({
    grid,
    lanes: lanes.filter((l) => l.lots?.some((lot) => built.has(lot))),
    parcelLanes: parcels.lanes,
    parcelLots: parcels.used,
    water: water.features,
    estates: plan.residential.map((lot, i) => ({ lot, name: String(residential[i].properties?.小区) })),
    parks: parks.sites,
    facilities: plan.facilities.map((lot, i) => ({ lot, point: facilities[i].geometry.coordinates, name: String(facilities[i].properties?.名称) })),
    openLots,
    walks: walks.map((g) => ({ name: g.name, line: g.line })),
    lakeWalk: greenways[0].line,
    lakeParkNames: LAKE_PARK_NAMES,
  }, rng('streets'));
  const isGround = groundChecker(water.features, streets.features);
  const clearOf = roadClearance(streets.features);
  const onStreet = (p: Position) => !clearOf(p, 40);
  const layer = (id: string, kind: SeedLayer['kind'], title: string, features: SeedLayer['features']): SeedLayer =>
    ({ id, kind, title: `${title}${DEMO}`, features });
  return [
    layer('districts', 'district', '行政区', districts.features),
    layer('water', 'water', '水系', water.features),
    layer('roads', 'road', '道路', streets.features),
    layer('residential_areas', 'residential_area', '居住小区', residential),
    layer('renewal_parcels', 'renewal_parcel', '城市更新地块', parcels.features),
    layer('historic_districts', 'historic_district', '历史文化街区', historic.features),
    layer('parks', 'park', '公园绿地', parks.features),
    layer('greenways', 'greenway', '绿道', greenwayFeatures(greenways, (g) => streets.walks.get(g.name) ?? withCrossings(g.line, streets.features))),
    layer('historic_buildings', 'historic_building', '历史建筑', buildHistoricBuildings(historic.rings, isGround, rng('historic_buildings'))),
    layer('facilities', 'facility', '公共设施', facilities),
    layer('parking_lots', 'parking_lot', '公共停车场', buildParkingLots(facilities, streets.gates, plan.spare, isGround, onStreet, rng('parking_lots'))),
  ];
}
