import { AtlasError } from '../../shared/api/errors.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { pickFiles } from '../app/dialogs.ts';
import { confirmAction, showError } from '../app/messages.ts';
import { appStore } from '../app/state.ts';
import { baseName, dirName, joinPath } from '../files/paths.ts';
import { i18n } from '../i18n/i18n.ts';
import { followJob, type FollowedJob } from '../jobs/follow-job.ts';
import { exportArgs, exportFileName, extensionFor, withFormatExtension, type ExportDraft } from './export-model.ts';
import { exportStore, initialExportState } from './export-store.ts';

let job: FollowedJob | null = null;

function defaultLayerId(): string | null {
  const { project, tableLayerId, selection, activeLayerId } = appStore.get();
  const layers = project?.layers ?? [];
  const known = [selection?.layerId, activeLayerId, tableLayerId].find((id) => id && layers.some((l) => l.id === id));
  return known ?? [...layers].sort((a, b) => b.order - a.order)[0]?.id ?? null;
}

/** The name a new export file gets: the layer's title (or the project's name) and the format's extension. */
function suggestedName(draft: ExportDraft): string {
  const { project } = appStore.get();
  const layer = project?.layers.find((l) => l.id === draft.layerId);
  const title = draft.scope === 'project' || !layer ? (project?.name ?? 'export') : layer.title;
  return exportFileName(title, draft.format);
}

/** File › Export… or a layer row's export button: opens the export dialog (on that layer). */
export function openExportDialog(layerId?: string): void {
  const { project, appInfo } = appStore.get();
  if (!project) {
    void showError(new AtlasError('no_project', 'Open a project before exporting'), 'export.failedTitle');
    return;
  }
  if (exportStore.get().open) return;
  const id = layerId ?? defaultLayerId();
  const base = initialExportState.draft;
  const draft: ExportDraft = { ...base, layerId: id, scope: 'layer' };
  const folder = dirName(project.path) || appInfo?.dataDir || '';
  draft.path = folder ? joinPath(folder, suggestedName(draft)) : '';
  exportStore.set({ ...initialExportState, open: true, draft });
  void client()
    .listCrs({})
    .then((crsList) => exportStore.set({ crsList }))
    .catch(() => undefined); // WGS84 stays available
}

/** Changes a choice; a new format or scope renames the target file to match. */
export function setExportDraft(patch: Partial<ExportDraft>): void {
  const before = exportStore.get().draft;
  const draft = { ...before, ...patch };
  if (patch.format && patch.format !== before.format && draft.path) draft.path = withFormatExtension(draft.path, draft.format);
  const renamed = patch.scope !== undefined || patch.layerId !== undefined;
  if (renamed && draft.path && baseName(draft.path) === suggestedName(before)) {
    draft.path = joinPath(dirName(draft.path), suggestedName(draft));
  }
  exportStore.set({ draft });
}

/** "Choose…": the file dialog (save), named after the layer with the format's extension. */
export async function pickExportPath(): Promise<void> {
  const { draft } = exportStore.get();
  const extension = extensionFor(draft.format);
  const paths = await pickFiles({
    purpose: 'save',
    defaultName: draft.path ? baseName(draft.path) : suggestedName(draft),
    extensions: [extension],
    saveExtension: extension,
    topic: 'export',
  });
  if (paths?.[0]) exportStore.set((s) => ({ draft: { ...s.draft, path: paths[0] } }));
}

async function startJob(overwrite: boolean): Promise<string | null> {
  const { draft } = exportStore.get();
  const { project, selection } = appStore.get();
  const args = exportArgs(draft, project?.layers.map((l) => l.id) ?? [], selection, overwrite);
  if (!args) return null;
  try {
    return (await client().startExport(args)).jobId;
  } catch (err) {
    if (!overwrite && toAtlasError(err).code === 'file_exists' && (await confirmOverwrite(draft.path))) return startJob(true);
    throw err;
  }
}

function confirmOverwrite(path: string): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  return confirmAction(t('files.overwriteTitle'), t('files.overwriteBody', { name: baseName(path) }), t('files.overwrite'));
}

/** Starts the export and follows it to the end (a file that exists is replaced only when the user agrees). */
export async function startExportJob(overwrite = false): Promise<void> {
  exportStore.set({ step: 'running', job: null, cancelling: false, result: null, failure: null });
  let jobId: string | null;
  try {
    jobId = await startJob(overwrite);
  } catch (err) {
    const e = toAtlasError(err);
    exportStore.set({ step: 'failed', failure: { code: e.code, message: e.message, params: e.params } });
    return;
  }
  if (!jobId) {
    exportStore.set({ step: 'form' });
    return;
  }
  const followed = followJob(client(), jobId, (status) => exportStore.set({ job: status }));
  job = followed;
  const status = await followed.finished;
  if (job === followed) job = null;
  if (!exportStore.get().open) return;
  if (status.state === 'done' && status.result && 'files' in status.result) {
    exportStore.set({ step: 'done', result: status.result });
    return;
  }
  if (status.state === 'failed' && status.error?.code === 'file_exists' && !overwrite && (await confirmOverwrite(exportStore.get().draft.path))) {
    return startExportJob(true);
  }
  const failure = status.state === 'cancelled'
    ? { code: 'cancelled' as const, message: 'The export was cancelled' }
    : status.error ?? { code: 'internal' as const, message: 'The export failed' };
  exportStore.set({ step: 'failed', failure });
}

export async function cancelExportJob(): Promise<void> {
  if (!job) return;
  exportStore.set({ cancelling: true });
  await job.cancel();
}

export function backToExportForm(): void {
  exportStore.set({ step: 'form', failure: null, job: null });
}

export function closeExport(): void {
  if (exportStore.get().step === 'running') {
    void cancelExportJob();
    return;
  }
  exportStore.set(initialExportState);
}
