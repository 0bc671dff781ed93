// Worker entry when running from TypeScript sources (browser-mode host, CLI, tests): loads the worker
// from a bundle of its sources, rebuilt whenever they change, or through tsx where that cannot be built
// (electron/launch/source-bundle.mjs). The Electron build bundles job-worker.ts instead.
import { importSource } from '../../launch/source-bundle.mjs';

await importSource('electron/api/jobs/job-worker.ts');
