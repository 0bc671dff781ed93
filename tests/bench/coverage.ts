import fs from 'node:fs';
import path from 'node:path';
import { buildNetwork } from '../../shared/analysis/network.ts';
import { catchmentNetwork } from '../../shared/analysis/catchment-network.ts';
import { catchmentPolygons } from '../../shared/analysis/catchment-polygons.ts';
import { catchmentStraight } from '../../shared/analysis/catchment-straight.ts';
import { coverage } from '../../shared/analysis/coverage.ts';
import { filterFacilities } from '../../shared/analysis/facility-filter.ts';
import { PRESETS } from '../../shared/analysis/presets.ts';
import { geosCoverage, loadSpatialite } from '../shared/analysis/spatialite.ts';
import { syntheticParks, syntheticPoints, syntheticResidential, syntheticStreets } from '../shared/analysis/synthetic.ts';

const RESIDENTIAL = Number(process.env.BENCH_RESIDENTIAL ?? 20_000);
const PARKS = Number(process.env.BENCH_PARKS ?? 2_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 50_000);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

/**
 * The 5-minute green coverage (parks ≥ 400 m², 300 m) of `PARKS` parks over `RESIDENTIAL` residential
 * polygons (seeded, Jiaxing main urban area), ours beside GEOS through SpatiaLite on the same files in
 * the same run; then a walking catchment on a street network of about `EDGES` edges.
 */
export async function benchCoverage(dir: string): Promise<void> {
  const preset = PRESETS['green-5min'];
  console.log(`\n5-minute green coverage: ${PARKS} parks (≥ ${preset.filter.minArea} m² count), ${RESIDENTIAL} residential polygons, ${preset.straight} m`);
  const residential = syntheticResidential(RESIDENTIAL);
  const parks = syntheticParks(PARKS);
  const resFile = path.join(dir, 'residential.geojson');
  const parkFile = path.join(dir, 'parks.geojson');
  fs.writeFileSync(resFile, JSON.stringify(residential));
  fs.writeFileSync(parkFile, JSON.stringify(parks));
  const db = path.join(dir, 'coverage.sqlite');
  const [, loadMs] = timed(() => loadSpatialite(db, [{ table: 'res', file: resFile }, { table: 'parks', file: parkFile }]));
  console.log(`  loading both layers into SpatiaLite (ogr2ogr, EPSG:4549; not counted): ${seconds(loadMs)}`);

  const geos = geosCoverage(db, { residential: 'res', facilities: 'parks', distance: preset.straight, where: `"面积" >= ${preset.filter.minArea}` });
  const [ours, oursMs] = timed(() => {
    const counted = filterFacilities(parks, preset.filter);
    return coverage(residential, catchmentStraight(counted, { distance: preset.straight }));
  });
  const ratio = oursMs / geos.ms;
  console.log(`  GEOS (SpatiaLite: ST_Buffer, spatial index, ST_Intersection with a local ST_Union): ${seconds(geos.ms)}, covered ${(geos.coveredArea / 1e6).toFixed(3)} km² of ${(geos.residentialArea / 1e6).toFixed(3)} km²`);
  console.log(`  ours (filter, buffers, grid index, slab overlay per polygon):                    ${seconds(oursMs)}, covered ${(ours.coveredArea / 1e6).toFixed(3)} km² of ${(ours.area / 1e6).toFixed(3)} km² (share ${(100 * ours.share).toFixed(2)} %)`);
  console.log(`  time ratio ours / GEOS ${ratio.toFixed(2)} ${ratio <= 1 ? '(goal met: no slower than GEOS)' : '(goal: ≤ 1.00)'}; covered area differs by ${(100 * (ours.coveredArea / geos.coveredArea - 1)).toFixed(3)} %`);
  fs.rmSync(db, { force: true });

  console.log(`\nwalking catchment on a street network of about ${EDGES} edges (500 m, 300 service stations)`);
  const streets = syntheticStreets(EDGES);
  const stations = syntheticPoints(300, 6000);
  const [net, buildMs] = timed(() => buildNetwork(streets));
  console.log(`  build the network (${net.nodeCount} nodes, ${net.edgeCount} edges): ${seconds(buildMs)}`);
  const [walk, walkMs] = timed(() => catchmentNetwork(stations, net, { distance: 500 }));
  console.log(`  walk from all stations at once (${walk.pieces.length} street portions reached): ${seconds(walkMs)}`);
  const [, eachMs] = timed(() => catchmentNetwork(stations, net, { distance: 500, perFacility: true }));
  console.log(`  one walk per station (for per-station catchments and site selection): ${seconds(eachMs)}`);
  const [cov, covMs] = timed(() => coverage(residential, walk));
  console.log(`  coverage of the ${RESIDENTIAL} residential polygons by the walking catchment: ${seconds(covMs)} (share ${(100 * cov.share).toFixed(2)} %)`);
  const [drawn, drawMs] = timed(() => catchmentPolygons(walk));
  console.log(`  the catchment as one MultiPolygon for the map (tiled dissolve, ${drawn.features[0].geometry.coordinates.length} parts): ${seconds(drawMs)}`);
}
