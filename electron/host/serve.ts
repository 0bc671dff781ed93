import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../api/handlers.ts';
import { defaultDataDir } from '../paths.ts';
import { openAppWindow } from './open-browser.ts';
import { startHost } from './server.ts';
import { cleanStaging } from './upload.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Browser mode: `serve.ts [--port N] [--project FILE.gpkg] [--data-dir DIR] [--no-open]`. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.RENEWAL_ATLAS_PORT ?? '5174' },
      project: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const projectPath = values.project ?? positionals.find((p) => p.toLowerCase().endsWith('.gpkg'));
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const handlers = createApiHandlers({ mode: 'browser', dataDir, projectPath });
  const stagingDir = path.join(dataDir, 'staging');
  cleanStaging(stagingDir);
  const staticDir = path.join(root, 'dist/renderer');
  const host = await startHost({ handlers, staticDir, stagingDir, port: Number(values.port) }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    console.log(`  port ${values.port} is in use; taking a free one`);
    return startHost({ handlers, staticDir, stagingDir, port: 0 });
  });
  const project = handlers.session.current.info();
  console.log(`Renewal Atlas 城市更新地图集 — browser mode (Electron's binary is not installed here)`);
  console.log(`  project: ${project.path}`);
  console.log(`  open:    ${host.url}`);
  if (!values['no-open']) {
    const how = openAppWindow(host.url);
    if (how === 'opened') console.log('  opened in an app-mode Chromium window');
    else console.log(`  (${how === 'no-browser' ? 'no Chromium found' : 'no display'}: open the address above in a browser)`);
  }
  const stop = () => {
    handlers.jobs.stopAll();
    handlers.session.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`renewal-atlas: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
