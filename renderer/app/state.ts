import type { AppInfo, FeatureDetail, ProjectInfo, RecentProject } from '../../shared/api/contract.ts';
import { createStore, useStore } from './create-store.ts';

export type Bbox = [number, number, number, number];
export type FilePurpose = 'open' | 'save' | 'new';
export type Template = 'demo' | 'empty';

export type Dialog =
  | { type: 'file'; purpose: FilePurpose; defaultName?: string; resolve: (path: string | null) => void }
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
  cursor: { lng: number; lat: number } | null;
  zoom: number | null;
  /** A camera move the map should make; seq changes on every request. */
  fit: { bbox: Bbox; animate: boolean; seq: number } | null;
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
