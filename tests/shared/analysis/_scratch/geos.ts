import { loadSpatialite, geosCoverage } from '../spatialite.ts';
import fs from 'node:fs';
const db = '/tmp/scratch/geos-case.sqlite'; fs.rmSync(db, { force: true });
loadSpatialite(db, [{ table: 'res', file: 'tests/fixtures/analysis/geos-agreement/in/residential.geojson' }, { table: 'fac', file: 'tests/fixtures/analysis/geos-agreement/in/facilities.geojson' }]);
console.log(geosCoverage(db, { residential: 'res', facilities: 'fac', distance: 200 }));
