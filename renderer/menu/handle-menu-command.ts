import type { MenuCommand } from '../../shared/api/contract.ts';
import { toggleAnalysisPanel } from '../analysis/panel-actions.ts';
import { openAbout } from '../app/dialogs.ts';
import { changeLanguage } from '../app/language.ts';
import { appStore } from '../app/state.ts';
import { openExportDialog } from '../export/export-actions.ts';
import { exportStore } from '../export/export-store.ts';
import { newProjectFlow, openProjectAt, openProjectFlow, saveProjectAsFlow } from '../files/project-actions.ts';
import { importDataFlow } from '../import/import-actions.ts';
import { importStore } from '../import/import-store.ts';
import { toggleLayerPanel } from '../layers/layer-actions.ts';
import { zoomAll } from '../map/map-actions.ts';
import { toggleAttributeTable } from '../table/table-actions.ts';

/** Commands that open a dialog or replace the project: ignored while a dialog is open (Electron's menu stays live). */
const MODAL_COMMANDS = new Set<MenuCommand['type']>(['newProject', 'openProject', 'saveProjectAs', 'openRecent', 'importData', 'exportData', 'about']);

function dialogOpen(): boolean {
  const { dialog, message } = appStore.get();
  return dialog !== null || message !== null || importStore.get().open || exportStore.get().open;
}

/** The one path every menu command takes, from Electron's native menu or the browser-mode menu bar. */
export async function handleMenuCommand(cmd: MenuCommand): Promise<void> {
  if (MODAL_COMMANDS.has(cmd.type) && dialogOpen()) return;
  switch (cmd.type) {
    case 'newProject':
      return newProjectFlow();
    case 'openProject':
      return openProjectFlow();
    case 'saveProjectAs':
      return saveProjectAsFlow();
    case 'openRecent':
      return openProjectAt(cmd.path);
    case 'importData':
      return importDataFlow();
    case 'exportData':
      return openExportDialog();
    case 'zoomAll':
      return zoomAll();
    case 'toggleLayerPanel':
      return toggleLayerPanel();
    case 'toggleAttributeTable':
      return toggleAttributeTable();
    case 'toggleAnalysisPanel':
      return toggleAnalysisPanel();
    case 'setLanguage':
      return changeLanguage(cmd.language);
    case 'about':
      return openAbout();
  }
}
