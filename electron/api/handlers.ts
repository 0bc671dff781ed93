import fs from 'node:fs';
import type { AppMode } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { defaultProjectPath } from '../paths.ts';
import { browseFiles } from './browse-files.ts';
import { ProjectSession } from './project-session.ts';
import { SettingsFile } from './settings.ts';
import { JobManager } from './jobs/job-manager.ts';
import { COMMON_CRS } from '../../shared/crs/resolve.ts';
import type { ImportPreview } from '../../shared/api/transfer.ts';
import type { ApiHandlers } from './types.ts';
import { analysisRunHandlers } from './analysis-runs.ts';
import { tableHandlers } from './table.ts';

/** What the UI asks a native file dialog for. */
export interface FileDialogRequest {
  purpose: 'open' | 'save' | 'new';
  defaultPath?: string;
  extensions?: string[];
  multiple?: boolean;
  /** What the files are for; without it, extensions other than '.gpkg' mean data files. */
  topic?: 'project' | 'import' | 'export';
}

export interface HandlerOptions {
  mode: AppMode;
  dataDir: string;
  /** Project to open at start; the default demo project when absent. */
  projectPath?: string;
  /** Native file dialog (Electron); browser mode uses the app's own dialog over browseFiles. */
  showFileDialog?: (request: FileDialogRequest) => Promise<string[] | null>;
  version?: string;
}

/**
 * The API's implementation over the data layer, shared by both hosts (Electron IPC and the browser-mode
 * HTTP host). Opens the start-up project; throws a readable error when it cannot.
 */
export function createApiHandlers(opts: HandlerOptions): ApiHandlers & { session: ProjectSession; jobs: JobManager } {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const session = new ProjectSession(opts.dataDir);
  const settings = new SettingsFile(opts.dataDir);
  // A finished import changed the project file through another connection: reload its layer list.
  const jobs = new JobManager((status) => {
    if (status.kind === 'import') session.current.refresh();
  });
  const projectPath = () => {
    if (session.current.readOnly) {
      throw new AtlasError('read_only', `${session.current.path} is read-only; use Save as… and import into the copy`, { file: session.current.path });
    }
    return session.current.path;
  };
  if (opts.projectPath) session.open(opts.projectPath);
  else session.openOrCreateDemo(defaultProjectPath(opts.dataDir));

  return {
    session,
    jobs,
    appInfo: () => ({ mode: opts.mode, version: opts.version ?? '0.1.0', dataDir: opts.dataDir, language: settings.read().language }),
    projectInfo: () => session.current.info(),
    layerGeoJSON: ({ layerId }) => session.current.layerGeoJSON(layerId),
    getFeature: ({ layerId, fid }) => session.current.getFeature(layerId, fid),
    updateLayer: ({ layerId, ...change }) => session.current.updateLayer(layerId, change),
    reorderLayers: ({ order }) => session.current.reorderLayers(order),
    newProject: ({ path, template, overwrite }) => session.create(path, template, overwrite),
    openProject: ({ path }) => session.open(path),
    saveProjectAs: ({ path, overwrite }) => session.saveAs(path, overwrite),
    recentProjects: () => session.recent.list(),
    browseFiles: ({ dir, extensions }) => browseFiles(dir, opts.dataDir, extensions),
    showFileDialog: async (request) => {
      if (!opts.showFileDialog) {
        throw new AtlasError('unsupported', 'Native file dialogs exist only in the desktop app; browser mode uses its own dialog', {});
      }
      return opts.showFileDialog(request);
    },
    setLanguage: ({ language }) => {
      settings.write({ language });
      return { language };
    },
    importPreview: async ({ files, options }) => (await jobs.run({ kind: 'preview', request: { files, options: options ?? {} } })) as ImportPreview,
    startImport: ({ files, options, layerIndex, target, skipInvalid }) =>
      jobs.start({ kind: 'import', request: { projectPath: projectPath(), files, options: options ?? {}, layerIndex, target, skipInvalid } }),
    startExport: (args) => jobs.start({ kind: 'export', request: { projectPath: session.current.path, ...args } }),
    jobStatus: ({ jobId }) => jobs.status(jobId),
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
    layerAttributes: ({ layerId }) => session.current.attributes(layerId),
    listCrs: () => COMMON_CRS,
    ...analysisRunHandlers(session),
    ...tableHandlers(session),
  };
}
