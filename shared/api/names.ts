/**
 * The names of the API calls, without their schemas: what the preload needs (it is bundled into a
 * sandboxed script, so it stays free of zod). contract.ts checks that its schemas match this list.
 */
export const API_NAMES = [
  'appInfo',
  'projectInfo',
  'layerGeoJSON',
  'getFeature',
  'updateLayer',
  'reorderLayers',
  'newProject',
  'openProject',
  'saveProjectAs',
  'recentProjects',
  'browseFiles',
  'showFileDialog',
  'setLanguage',
  'importPreview',
  'startImport',
  'startExport',
  'jobStatus',
  'cancelJob',
  'layerAttributes',
  'listCrs',
  'saveAnalysisRun',
  'listAnalysisRuns',
  'getAnalysisRun',
  'deleteAnalysisRun',
  'renameAnalysisRun',
  'exportAnalysisRun',
  'layerRows',
  'layerRowIndex',
  'layerColumnValues',
] as const;

export type ApiName = (typeof API_NAMES)[number];
