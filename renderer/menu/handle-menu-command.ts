import type { MenuCommand } from '../../shared/api/contract.ts';
import { openAbout } from '../app/dialogs.ts';
import { changeLanguage } from '../app/language.ts';
import { newProjectFlow, openProjectAt, openProjectFlow, saveProjectAsFlow } from '../files/project-actions.ts';
import { toggleLayerPanel } from '../layers/layer-actions.ts';
import { zoomAll } from '../map/map-actions.ts';

/** The one path every menu command takes, from Electron's native menu or the browser-mode menu bar. */
export async function handleMenuCommand(cmd: MenuCommand): Promise<void> {
  switch (cmd.type) {
    case 'newProject':
      return newProjectFlow();
    case 'openProject':
      return openProjectFlow();
    case 'saveProjectAs':
      return saveProjectAsFlow();
    case 'openRecent':
      return openProjectAt(cmd.path);
    case 'zoomAll':
      return zoomAll();
    case 'toggleLayerPanel':
      return toggleLayerPanel();
    case 'setLanguage':
      return changeLanguage(cmd.language);
    case 'about':
      return openAbout();
  }
}
