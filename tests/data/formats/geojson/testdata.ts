import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-world test data (`../shared/testdata` beside the project), and whether it is there. */
export const TESTDATA = fileURLToPath(new URL('../../../../../shared/testdata/', import.meta.url));
export const HAS_TESTDATA = fs.existsSync(TESTDATA);
if (!HAS_TESTDATA) console.warn(`Skipping corpus tests: ${TESTDATA} is missing (see ../shared/testdata/README.md).`);
