// Worker entry when running from TypeScript sources (browser-mode host, CLI, tests): register tsx in
// this thread, then load the worker. The Electron build bundles job-worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker.ts');
