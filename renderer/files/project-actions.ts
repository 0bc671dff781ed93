import type { ProjectInfo } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { toAtlasError } from '../api/client.ts';
import { client } from '../api/runtime.ts';
import { i18n } from '../i18n/i18n.ts';
import { chooseTemplate, pickPath } from '../app/dialogs.ts';
import { adoptHostLanguage } from '../app/language.ts';
import { confirmAction, showError } from '../app/messages.ts';
import { appStore } from '../app/state.ts';
import { requestFit } from '../map/map-actions.ts';
import { resetTable } from '../table/table-actions.ts';
import { baseName } from './paths.ts';

/** Shows a project: its layers on the map (all data reloaded), the camera on its extent. */
export function showProject(project: ProjectInfo): void {
  appStore.set((s) => ({
    project,
    projectKey: s.projectKey + 1,
    started: true,
    selection: null,
    feature: null,
    activeLayerId: null,
    tableLayerId: project.layers.some((l) => l.id === s.tableLayerId) ? s.tableLayerId : null,
  }));
  resetTable();
  if (project.bbox) requestFit(project.bbox, false);
  void refreshRecent();
}

export async function refreshRecent(): Promise<void> {
  try {
    appStore.set({ recent: await client().recentProjects({}) });
  } catch {
    // the recent list is a convenience; a failure to read it is not worth a dialog
  }
}

/** Runs a project call with the busy flag set, showing the result or a readable error. */
async function runProjectCall(call: () => Promise<ProjectInfo>, titleKey: string): Promise<boolean> {
  appStore.set({ busy: true });
  try {
    showProject(await call());
    return true;
  } catch (err) {
    appStore.set({ busy: false });
    await showError(err, titleKey);
    return false;
  } finally {
    appStore.set({ busy: false });
  }
}

/**
 * Runs a call that may refuse to replace an existing file; asks the user and retries with
 * `overwrite: true` if they agree.
 */
async function withOverwrite(
  path: string,
  call: (overwrite: boolean) => Promise<ProjectInfo>,
  titleKey: string,
): Promise<void> {
  appStore.set({ busy: true });
  try {
    showProject(await call(false));
  } catch (err) {
    appStore.set({ busy: false });
    if (toAtlasError(err).code !== 'file_exists') return showError(err, titleKey);
    const t = i18n.t.bind(i18n);
    const yes = await confirmAction(t('files.overwriteTitle'), t('files.overwriteBody', { name: baseName(path) }), t('files.overwrite'));
    if (yes) await runProjectCall(() => call(true), titleKey);
  } finally {
    appStore.set({ busy: false });
  }
}

export async function openProjectAt(path: string): Promise<void> {
  await runProjectCall(() => client().openProject({ path }), 'errors.openFailed');
}

export async function openProjectFlow(): Promise<void> {
  const path = await pickPath('open');
  if (path) await openProjectAt(path);
}

export async function saveProjectAsFlow(): Promise<void> {
  const project = appStore.get().project;
  if (!project) return showError(new AtlasError('no_project', 'No project is open'), 'errors.saveFailed');
  const path = await pickPath('save', `${project.name}-${i18n.t('files.copySuffix')}.gpkg`);
  if (!path) return;
  // A native save dialog has already asked about replacing an existing file.
  const confirmed = appStore.get().appInfo?.mode === 'electron';
  await withOverwrite(path, (overwrite) => client().saveProjectAs({ path, overwrite: overwrite || confirmed }), 'errors.saveFailed');
}

export async function newProjectFlow(): Promise<void> {
  const template = await chooseTemplate();
  if (!template) return;
  const path = await pickPath('new', i18n.t(template === 'demo' ? 'files.demoFileName' : 'files.emptyFileName'));
  if (!path) return;
  const confirmed = appStore.get().appInfo?.mode === 'electron';
  await withOverwrite(
    path,
    (overwrite) => client().newProject({ path, template, overwrite: overwrite || confirmed }),
    'errors.newFailed',
  );
}

/** Startup: which host we run under, the project it has open (if any), the recent list. */
export async function startApp(): Promise<void> {
  try {
    const appInfo = await client().appInfo({});
    adoptHostLanguage(appInfo.language);
    appStore.set({ appInfo });
  } catch (err) {
    appStore.set({ started: true });
    return showError(err, 'errors.startFailed');
  }
  try {
    showProject(await client().projectInfo({}));
  } catch (err) {
    appStore.set({ started: true });
    void refreshRecent();
    if (toAtlasError(err).code !== 'no_project') await showError(err, 'errors.openFailed');
  }
}
