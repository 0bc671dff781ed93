import type { FeatureCollection } from 'geojson';
import type { AppInfo, FeatureDetail, ProjectInfo, RecentProject } from '../../shared/api/contract.ts';
import { createStore, useStore } from './create-store.ts';

export type Bbox = [number, number, number, number];
export type FilePurpose = 'open' | 'save' | 'new';
export type Template = 'demo' | 'empty';

/** What a file dialog asks for. Projects by default; import and export list other files. */
export interface FileRequest {
  purpose: FilePurpose;
  defaultName?: string;
  /** Files listed (lower-case, with the dot); `.gpkg` when absent. */
  extensions?: readonly string[];
  /** Opening: several files may be picked (a shapefile's .shp, .dbf, .prj …). */
  multiple?: boolean;
  /** Saving: the extension a typed name gets; `.gpkg` when absent. */
  saveExtension?: string;
  /** What the files are for: picks the dialog's title and hints. */
  topic?: 'project' | 'import' | 'export';
}

/** Padding (px) a camera fit keeps free, e.g. beside a dialog that covers part of the map. */
export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type Dialog =
  | { type: 'file'; request: FileRequest; resolve: (paths: string[] | null) => void }
  | { type: 'newProject'; resolve: (template: Template | null) => void }
  | { type: 'about' };

export interface MessageButton {
  id: string;
  label: string;
  primary?: boolean;
}

/** A modal message: title and body in the UI language, detail (e.g. the English error) below. */
export interface Message {
  tone: 'error' | 'warning' | 'info';
  title: string;
  body?: string;
  detail?: string;
  buttons: MessageButton[];
  resolve: (buttonId: string | null) => void;
}

export interface AppState {
  appInfo: AppInfo | null;
  project: ProjectInfo | null;
  /** Bumped on every project open, so the map reloads all data even when layer ids repeat. */
  projectKey: number;
  /** True once the first projectInfo call has answered (with a project or without one). */
  started: boolean;
  selection: { layerId: string; fid: number } | null;
  feature: FeatureDetail | null;
  layerPanelOpen: boolean;
  /** The layer last imported or picked in the layer panel: highlighted there, the attribute table's default. */
  activeLayerId: string | null;
  /** The attribute table under the map: open or not, which layer, its height in px. */
  tableOpen: boolean;
  tableLayerId: string | null;
  tableHeight: number;
  /** Features of a file being imported, drawn above everything while the import dialog is open. */
  importSample: FeatureCollection | null;
  cursor: { lng: number; lat: number } | null;
  zoom: number | null;
  /** A camera move the map should make; seq changes on every request. */
  fit: { bbox: Bbox; animate: boolean; seq: number; padding?: Partial<FitPadding> } | null;
  recent: RecentProject[];
  dialog: Dialog | null;
  message: Message | null;
  busy: boolean;
}

export const initialState: AppState = {
  appInfo: null,
  project: null,
  projectKey: 0,
  started: false,
  selection: null,
  feature: null,
  layerPanelOpen: true,
  activeLayerId: null,
  tableOpen: false,
  tableLayerId: null,
  tableHeight: 260,
  importSample: null,
  cursor: null,
  zoom: null,
  fit: null,
  recent: [],
  dialog: null,
  message: null,
  busy: false,
};

/** The app's one store. */
export const appStore = createStore<AppState>(initialState);

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
