import type { ImportOptions } from '../../shared/api/transfer.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { KindId } from '../../shared/layers/index.ts';
import { stageFiles, toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { pickFiles } from '../app/dialogs.ts';
import { showError } from '../app/messages.ts';
import { appStore } from '../app/state.ts';
import { followJob, type FollowedJob } from '../jobs/follow-job.ts';
import { requestFit, zoomToLayer } from '../map/map-actions.ts';
import { importArgs, initialTarget, IMPORT_EXTENSIONS, mappingForKind, mappingForLayer, withOption } from './import-model.ts';
import { EMPTY_TARGET, importStore, initialImportState, type TargetDraft } from './import-store.ts';

/** Width of the docked import dialog (px): camera fits keep the features beside it. */
export const IMPORT_DIALOG_WIDTH = 560;
const SIDE_PADDING = { right: IMPORT_DIALOG_WIDTH + 40, left: 40, top: 40, bottom: 40 };

let previewSeq = 0;
let job: FollowedJob | null = null;

function projectOpen(): boolean {
  if (appStore.get().project) return true;
  void showError(new AtlasError('no_project', 'Open or create a project before importing data'), 'import.failedTitle');
  return false;
}

/** File › Import data…: picks files (several in browser mode) and opens the import dialog. */
export async function importDataFlow(): Promise<void> {
  if (!projectOpen() || importStore.get().open) return;
  const files = await pickFiles({ purpose: 'open', extensions: IMPORT_EXTENSIONS, multiple: true, topic: 'import' });
  if (files && files.length > 0) openImport(files);
}

/** Files dropped on the window: staged on the local disk (browser mode uploads them), then previewed. */
export async function importDroppedFiles(files: File[]): Promise<void> {
  if (files.length === 0 || !projectOpen() || importStore.get().open) return;
  appStore.set({ busy: true });
  let paths: string[];
  try {
    paths = await stageFiles(files);
  } catch (err) {
    appStore.set({ busy: false });
    return showError(err, 'import.stageFailed');
  }
  appStore.set({ busy: false });
  openImport(paths);
}

/** Opens the import dialog for local files and previews them. */
export function openImport(files: string[]): void {
  importStore.set({ ...initialImportState, open: true, files });
  void loadCrsList();
  void refreshPreview();
}

async function loadCrsList(): Promise<void> {
  try {
    const crsList = await client().listCrs({});
    importStore.set({ crsList });
  } catch {
    // the layer's own candidates and the free text field remain
  }
}

/** Previews the files with the current options; stale answers (options changed meanwhile) are dropped. */
export async function refreshPreview(): Promise<void> {
  const seq = ++previewSeq;
  const { files, options } = importStore.get();
  importStore.set({ previewing: true });
  try {
    const preview = await client().importPreview({ files, ...(Object.keys(options).length ? { options } : {}) });
    if (seq !== previewSeq || !importStore.get().open) return;
    const keep = importStore.get().layerIndex;
    const layerIndex = keep < preview.layers.length ? keep : 0;
    const previous = importStore.get().target;
    const fresh = initialTarget(files, preview.layers, layerIndex);
    // A title the user typed survives a re-preview (another CRS or encoding).
    const target = previous.title ? { ...fresh, title: previous.title } : fresh;
    importStore.set({ preview, previewError: null, previewing: false, layerIndex, target });
    showSample(layerIndex, true);
  } catch (err) {
    if (seq !== previewSeq || !importStore.get().open) return;
    const e = toAtlasError(err);
    importStore.set({ preview: null, previewing: false, previewError: { code: e.code, message: e.message, params: e.params } });
    appStore.set({ importSample: null });
  }
}

/** Draws the chosen layer's sample on the map and, when asked, fits the camera to it beside the dialog. */
function showSample(layerIndex: number, fit: boolean): void {
  const layer = importStore.get().preview?.layers[layerIndex];
  appStore.set({ importSample: layer?.sample ?? null });
  if (fit && layer?.bbox) requestFit(layer.bbox, true, SIDE_PADDING);
}

/** Changes an option (CRS, encoding, CSV columns, geometry only) and previews again. */
export function setImportOption(patch: Partial<ImportOptions>): void {
  importStore.set((s) => ({ options: withOption(s.options, patch) }));
  void refreshPreview();
}

export function chooseImportLayer(layerIndex: number): void {
  const { preview, files } = importStore.get();
  if (!preview?.layers[layerIndex]) return;
  importStore.set({ layerIndex, target: initialTarget(files, preview.layers, layerIndex), invalidChoice: null });
  showSample(layerIndex, true);
}

export function setTarget(patch: Partial<TargetDraft>): void {
  importStore.set((s) => ({ target: { ...s.target, ...patch } }));
}

/** A new layer of another kind: the mapping starts from that kind's best guesses. */
export function setTargetKind(kind: KindId): void {
  const layer = importStore.get().preview?.layers[importStore.get().layerIndex];
  setTarget({ kind, mapping: layer ? mappingForKind(kind, layer) : {} });
}

/** New layer or append; appending starts with the topmost layer and guesses its mapping. */
export function setTargetMode(mode: 'new' | 'append'): void {
  const { preview, layerIndex, files, target } = importStore.get();
  if (mode === 'new') {
    const fresh = preview ? initialTarget(files, preview.layers, layerIndex) : EMPTY_TARGET;
    setTarget({ ...fresh, title: target.title || fresh.title });
    return;
  }
  const top = [...(appStore.get().project?.layers ?? [])].sort((a, b) => b.order - a.order)[0];
  setAppendLayer(target.appendLayerId ?? top?.id ?? null);
  setTarget({ mode: 'append' });
}

/** Appending to another layer: the mapping starts from that layer's fields matched by name. */
export function setAppendLayer(layerId: string | null): void {
  const info = appStore.get().project?.layers.find((l) => l.id === layerId);
  const layer = importStore.get().preview?.layers[importStore.get().layerIndex];
  setTarget({ appendLayerId: layerId, mapping: info && layer ? mappingForLayer(info, layer) : {} });
}

export function setMapping(targetKey: string, source: string | null): void {
  importStore.set((s) => ({ target: { ...s.target, mapping: { ...s.target.mapping, [targetKey]: source } } }));
}

export function setInvalidChoice(choice: 'skip' | 'refuse'): void {
  importStore.set({ invalidChoice: choice });
}

export function goToTarget(): void {
  if (importStore.get().preview) importStore.set({ step: 'target' });
}

export function backToPreview(): void {
  importStore.set({ step: 'preview', failure: null, job: null });
  showSample(importStore.get().layerIndex, false);
}

/** Starts the import job and follows it; done → the new layer is shown, selected and zoomed to. */
export async function startImportJob(): Promise<void> {
  const state = importStore.get();
  importStore.set({ step: 'running', job: null, cancelling: false, failure: null, result: null });
  let jobId: string;
  try {
    ({ jobId } = await client().startImport(importArgs(state)));
  } catch (err) {
    const e = toAtlasError(err);
    importStore.set({ step: 'failed', failure: { code: e.code, message: e.message, params: e.params } });
    return;
  }
  const followed = followJob(client(), jobId, (status) => importStore.set({ job: status }));
  job = followed;
  const status = await followed.finished;
  if (job === followed) job = null;
  if (!importStore.get().open) return;
  if (status.state === 'done' && status.result && 'layerId' in status.result) {
    const result = status.result;
    appStore.set({ importSample: null });
    importStore.set({ step: 'done', result });
    await showImportedLayer(result.layerId);
    return;
  }
  const failure = status.state === 'cancelled'
    ? { code: 'cancelled' as const, message: 'The import was cancelled' }
    : status.error ?? { code: 'internal' as const, message: 'The import failed' };
  importStore.set({ step: 'failed', failure });
}

/** Reloads the project's layer list (the map adds the new layer), selects the layer and zooms to it. */
async function showImportedLayer(layerId: string): Promise<void> {
  try {
    const project = await client().projectInfo({});
    appStore.set({ project, activeLayerId: layerId });
    const bbox = project.layers.find((l) => l.id === layerId)?.bbox;
    if (bbox) requestFit(bbox, true, SIDE_PADDING);
  } catch (err) {
    await showError(err, 'import.refreshFailed');
  }
}

export async function cancelImportJob(): Promise<void> {
  if (!job) return;
  importStore.set({ cancelling: true });
  await job.cancel();
}

/** Closes the dialog and takes the file's features off the map (a running job is cancelled first). */
export function closeImport(): void {
  if (importStore.get().step === 'running') {
    void cancelImportJob();
    return;
  }
  const { step, result } = importStore.get();
  previewSeq++;
  importStore.set(initialImportState);
  appStore.set({ importSample: null });
  // The camera kept the new layer beside the dialog; with the dialog gone, centre it.
  if (step === 'done' && result) zoomToLayer(result.layerId);
}
