import type { MenuCommand, RecentProject } from '../../shared/api/contract.ts';
import type { Language } from '../i18n/i18n.ts';

export interface MenuItem {
  id: string;
  /** i18n key of the label; `label` is used as is instead (e.g. a recent project's name). */
  labelKey?: string;
  label?: string;
  /** Shown as a tooltip (e.g. a recent project's full path). */
  title?: string;
  /** Second, quieter line (a recent project's path: several projects may share a name). */
  detail?: string;
  command?: MenuCommand;
  submenu?: MenuItem[];
  checked?: boolean;
  disabled?: boolean;
  separator?: boolean;
}

export interface Menu {
  id: 'file' | 'view' | 'help';
  labelKey: string;
  items: MenuItem[];
}

export interface MenuInput {
  recent: readonly RecentProject[];
  language: Language;
  layerPanelOpen: boolean;
  hasProject: boolean;
  /** The attribute table under the map is shown. */
  tableOpen?: boolean;
  /** The analysis panel is shown. */
  analysisOpen?: boolean;
  /** The open project can be written (import needs that). */
  writable?: boolean;
}

const separator = (id: string): MenuItem => ({ id, separator: true });

/** The browser-mode menu bar: the same commands as Electron's native menu. */
export function buildMenus({ recent, language, layerPanelOpen, hasProject, tableOpen = false, analysisOpen = false, writable = hasProject }: MenuInput): Menu[] {
  const recentItems: MenuItem[] = recent.length
    ? recent.map((r, i) => ({
        id: `recent-${i}`,
        label: r.name,
        title: r.path,
        detail: r.path,
        command: { type: 'openRecent', path: r.path },
      }))
    : [{ id: 'recent-none', labelKey: 'menu.recentNone', disabled: true }];
  return [
    {
      id: 'file',
      labelKey: 'menu.file',
      items: [
        { id: 'new-project', labelKey: 'menu.newProject', command: { type: 'newProject' } },
        { id: 'open-project', labelKey: 'menu.openProject', command: { type: 'openProject' } },
        { id: 'save-as', labelKey: 'menu.saveProjectAs', command: { type: 'saveProjectAs' }, disabled: !hasProject },
        separator('file-sep-data'),
        { id: 'import-data', labelKey: 'menu.importData', command: { type: 'importData' }, disabled: !hasProject || !writable },
        { id: 'export-data', labelKey: 'menu.exportData', command: { type: 'exportData' }, disabled: !hasProject },
        separator('file-sep'),
        { id: 'recent', labelKey: 'menu.recent', submenu: recentItems },
      ],
    },
    {
      id: 'view',
      labelKey: 'menu.view',
      items: [
        { id: 'zoom-all', labelKey: 'menu.zoomAll', command: { type: 'zoomAll' }, disabled: !hasProject },
        { id: 'toggle-layers', labelKey: 'menu.layerPanel', command: { type: 'toggleLayerPanel' }, checked: layerPanelOpen },
        {
          id: 'toggle-attribute-table',
          labelKey: 'menu.attributeTable',
          command: { type: 'toggleAttributeTable' },
          checked: tableOpen,
          disabled: !hasProject,
        },
        { id: 'toggle-analysis', labelKey: 'analysis.menuItem', command: { type: 'toggleAnalysisPanel' }, checked: analysisOpen },
        separator('view-sep'),
        { id: 'lang-zh', labelKey: 'menu.chinese', command: { type: 'setLanguage', language: 'zh' }, checked: language === 'zh' },
        { id: 'lang-en', labelKey: 'menu.english', command: { type: 'setLanguage', language: 'en' }, checked: language === 'en' },
      ],
    },
    {
      id: 'help',
      labelKey: 'menu.help',
      items: [{ id: 'about', labelKey: 'menu.about', command: { type: 'about' } }],
    },
  ];
}
