import { z } from 'zod';
import type { FeatureCollection, Geometry } from 'geojson';
import type { KindId } from '../layers/types.ts';
import type { ApiName } from './names.ts';
import { transferArgs, type TransferResults } from './transfer.ts';
import { analysisRunArgs, type AnalysisRunResults } from './analysis-runs.ts';

export { API_NAMES, type ApiName } from './names.ts';

/** Where the app runs: the Electron shell, or browser mode against the 127.0.0.1 host. */
export type AppMode = 'electron' | 'browser';

export interface AppInfo {
  mode: AppMode;
  /** The remembered UI language, if the user chose one. */
  language: 'zh' | 'en' | null;
  version: string;
  /** Folder the default project lives in. */
  dataDir: string;
}

/** A project layer as the UI sees it: the feature table plus the app's own record of it. */
export interface LayerInfo {
  id: string;
  kind: KindId;
  title: string;
  geometryType: string;
  featureCount: number;
  /** [minLon, minLat, maxLon, maxLat], or null for an empty layer. */
  bbox: [number, number, number, number] | null;
  visible: boolean;
  opacity: number;
  /** Draw order: 0 is the bottom. */
  order: number;
  /** Attribute columns in table order. */
  fields: { key: string; type: string }[];
}

export interface ProjectInfo {
  path: string;
  name: string;
  /** True for the synthetic Jiaxing demo: the UI labels it as demo data. */
  demo: boolean;
  schemaVersion: number;
  readOnly: boolean;
  layers: LayerInfo[];
  bbox: [number, number, number, number] | null;
}

export interface FeatureDetail {
  layerId: string;
  fid: number;
  properties: Record<string, string | number | null>;
  geometry: Geometry | null;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export interface DirEntry {
  name: string;
  path: string;
  type: 'dir' | 'file';
  size?: number;
}

export interface DirListing {
  dir: string;
  parent: string | null;
  entries: DirEntry[];
}

const layerId = z.string().min(1).max(200);
const filePath = z.string().min(1).max(4096);
const none = z.object({}).strict();

/**
 * The API contract: each call's argument schema and result type (`satisfies` makes the schemas and
 * API_NAMES list the same calls). Electron's preload exposes one
 * named function per entry; browser mode serves each as POST /api/<name>. Both validate arguments here.
 */
export const apiArgs = {
  appInfo: none,
  projectInfo: none,
  layerGeoJSON: z.object({ layerId }).strict(),
  getFeature: z.object({ layerId, fid: z.number().int().nonnegative() }).strict(),
  updateLayer: z
    .object({
      layerId,
      visible: z.boolean().optional(),
      opacity: z.number().min(0).max(1).optional(),
      title: z.string().min(1).max(200).optional(),
    })
    .strict(),
  reorderLayers: z.object({ order: z.array(layerId).min(1) }).strict(),
  newProject: z.object({ path: filePath, template: z.enum(['demo', 'empty']), overwrite: z.boolean().optional() }).strict(),
  openProject: z.object({ path: filePath }).strict(),
  saveProjectAs: z.object({ path: filePath, overwrite: z.boolean().optional() }).strict(),
  recentProjects: none,
  browseFiles: z.object({ dir: filePath.optional(), extensions: z.array(z.string().max(16)).max(20).optional() }).strict(),
  showFileDialog: z
    .object({
      purpose: z.enum(['open', 'save', 'new']),
      defaultPath: filePath.optional(),
      /** Extensions offered (with the dot, e.g. '.shp'); a project's '.gpkg' when absent. Saving adds the first. */
      extensions: z.array(z.string().min(2).max(16)).max(40).optional(),
      /** Opening several files at once (a shapefile's parts). */
      multiple: z.boolean().optional(),
      /** What the files are for (titles and filters): a project, data to import, or an export. */
      topic: z.enum(['project', 'import', 'export']).optional(),
    })
    .strict(),
  setLanguage: z.object({ language: z.enum(['zh', 'en']) }).strict(),
  ...transferArgs,
  ...analysisRunArgs,
} as const satisfies Record<ApiName, z.ZodType>;


/** Result type of each call (results are produced by our own code and are not re-validated). */
export interface ApiResults extends TransferResults, AnalysisRunResults {
  appInfo: AppInfo;
  projectInfo: ProjectInfo;
  layerGeoJSON: FeatureCollection;
  getFeature: FeatureDetail;
  updateLayer: LayerInfo;
  reorderLayers: LayerInfo[];
  newProject: ProjectInfo;
  openProject: ProjectInfo;
  saveProjectAs: ProjectInfo;
  recentProjects: RecentProject[];
  browseFiles: DirListing;
  /** The chosen paths (one when saving), or null when the user cancelled. */
  showFileDialog: string[] | null;
  /** The UI language, remembered in the data folder (the native menu follows it). */
  setLanguage: { language: 'zh' | 'en' };
}

export type ApiArgs = { [K in ApiName]: z.input<(typeof apiArgs)[K]> };

/** The whole API as an object of async functions: what the renderer's client and the preload provide. */
export type AtlasApi = { [K in ApiName]: (args: ApiArgs[K]) => Promise<ApiResults[K]> };

/** Commands from a menu (Electron's native menu or the browser-mode menu bar). */
export type MenuCommand =
  | { type: 'newProject' }
  | { type: 'openProject' }
  | { type: 'saveProjectAs' }
  | { type: 'openRecent'; path: string }
  | { type: 'zoomAll' }
  | { type: 'toggleLayerPanel' }
  | { type: 'importData' }
  | { type: 'exportData' }
  | { type: 'toggleAttributeTable' }
  | { type: 'toggleAnalysisPanel' }
  | { type: 'setLanguage'; language: 'zh' | 'en' }
  | { type: 'about' };

/** What Electron's preload exposes on `window.renewalAtlas`: the API plus a menu-command subscription. */
export type PreloadBridge = AtlasApi & {
  onMenuCommand: (listener: (cmd: MenuCommand) => void) => () => void;
  /** The local path of a dropped file (Electron's webUtils.getPathForFile). */
  pathForFile: (file: File) => string;
};

/** HTTP route of browser mode that stages a dropped file on the local disk (POST, raw bytes). */
export const UPLOAD_PATH = '/upload';

/** HTTP header carrying the browser-mode host's per-run token. */
export const TOKEN_HEADER = 'x-atlas-token';
