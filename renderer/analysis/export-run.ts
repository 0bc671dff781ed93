import type { ApiArgs } from '../../shared/api/contract.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { pickFiles } from '../app/dialogs.ts';
import { confirmAction, showError, showMessage } from '../app/messages.ts';
import { baseName } from '../files/paths.ts';
import { i18n } from '../i18n/i18n.ts';
import { analysisStore } from './analysis-store.ts';

export type RunExportFormat = ApiArgs['exportAnalysisRun']['format'];

/** The formats a saved run exports to, with their file extensions. */
export const RUN_EXPORT_FORMATS: readonly { id: RunExportFormat; extension: string }[] = [
  { id: 'geojson', extension: '.geojson' },
  { id: 'gpkg', extension: '.gpkg' },
  { id: 'csv', extension: '.csv' },
];

/** A file name for a run: characters no file system takes replaced, the format's extension added. */
export function runFileName(name: string, format: RunExportFormat): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+·\s+/g, '_').trim() || 'analysis';
  return `${safe}${RUN_EXPORT_FORMATS.find((f) => f.id === format)?.extension ?? ''}`;
}

async function write(runId: number, format: RunExportFormat, path: string, overwrite: boolean): Promise<string[] | null> {
  try {
    return (await client().exportAnalysisRun({ runId, format, path, ...(overwrite ? { overwrite } : {}) })).files;
  } catch (err) {
    const t = i18n.t.bind(i18n);
    if (!overwrite && toAtlasError(err).code === 'file_exists') {
      const ok = await confirmAction(t('files.overwriteTitle'), t('files.overwriteBody', { name: baseName(path) }), t('files.overwrite'));
      return ok ? write(runId, format, path, true) : null;
    }
    throw err;
  }
}

/**
 * Exports a saved run: the save dialog (Electron's native one, or browser mode's own) picks the file,
 * then the host writes it (GeoJSON: one file per result layer; GeoPackage: layers and figures; CSV:
 * the figures). A file that exists is replaced only when the planner agrees.
 */
export async function exportRun(runId: number, format: RunExportFormat): Promise<void> {
  const run = analysisStore.get().runs?.find((r) => r.id === runId);
  if (!run || analysisStore.get().busyRunId !== null) return;
  const extension = RUN_EXPORT_FORMATS.find((f) => f.id === format)?.extension ?? '';
  const paths = await pickFiles({ purpose: 'save', defaultName: runFileName(run.name, format), extensions: [extension], saveExtension: extension, topic: 'export' });
  if (!paths?.[0]) return;
  analysisStore.set({ busyRunId: runId });
  const t = i18n.t.bind(i18n);
  try {
    const files = await write(runId, format, paths[0], false);
    if (files) {
      await showMessage({
        tone: 'info',
        title: t('analysis.saved.exportedTitle'),
        body: t('analysis.saved.exported', { count: files.length }),
        detail: files.join('\n'),
        buttons: [{ id: 'ok', label: t('common.ok'), primary: true }],
      });
    }
  } catch (err) {
    await showError(err, 'analysis.saved.exportFailed');
  } finally {
    analysisStore.set({ busyRunId: null });
  }
}
