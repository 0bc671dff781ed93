/**
 * Text of the native menu and dialogs, Chinese and English. The renderer has its own i18n; this is
 * the only user-facing text of the main process. `&` marks a Windows/Linux access key.
 */

/** The languages of the native menu. */
export type MenuLanguage = 'zh' | 'en';

/** Every label the main process shows. */
export interface NativeLabels {
  file: string;
  newProject: string;
  importData: string;
  exportData: string;
  toggleAttributeTable: string;
  toggleAnalysisPanel: string;
  openProject: string;
  saveProjectAs: string;
  recent: string;
  recentEmpty: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomAll: string;
  toggleLayerPanel: string;
  language: string;
  reload: string;
  toggleFullscreen: string;
  help: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  /** Names of the languages, each in its own language (the same in both tables). */
  languageNames: Record<MenuLanguage, string>;
  dialogNewTitle: string;
  dialogOpenTitle: string;
  dialogSaveTitle: string;
  geopackageFilter: string;
  startupFailed: string;
}

const languageNames: Record<MenuLanguage, string> = { zh: '中文', en: 'English' };

/** The label table, one entry per language. */
export const MENU_LABELS: Readonly<Record<MenuLanguage, Readonly<NativeLabels>>> = Object.freeze({
  zh: Object.freeze({
    file: '文件(&F)',
    newProject: '新建项目…',
    importData: '导入数据(&I)…',
    exportData: '导出(&E)…',
    toggleAttributeTable: '显示/隐藏属性表(&T)',
    toggleAnalysisPanel: '分析(&A)',
    openProject: '打开…',
    saveProjectAs: '另存为…',
    recent: '最近打开',
    recentEmpty: '（无最近项目）',
    quit: '退出(&X)',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    zoomAll: '缩放至全部',
    toggleLayerPanel: '显示/隐藏图层面板',
    language: '语言',
    reload: '重新加载',
    toggleFullscreen: '切换全屏',
    help: '帮助(&H)',
    about: '关于城市更新地图集',
    services: '服务',
    hide: '隐藏城市更新地图集',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    languageNames,
    dialogNewTitle: '新建项目',
    dialogOpenTitle: '打开项目',
    dialogSaveTitle: '项目另存为',
    geopackageFilter: 'GeoPackage 项目文件',
    startupFailed: '城市更新地图集无法启动',
  }),
  en: Object.freeze({
    file: '&File',
    newProject: '&New project…',
    importData: '&Import data…',
    exportData: '&Export…',
    toggleAttributeTable: 'Toggle attribute &table',
    toggleAnalysisPanel: '&Analysis',
    openProject: '&Open…',
    saveProjectAs: 'Save &as…',
    recent: 'Open &recent',
    recentEmpty: '(No recent projects)',
    quit: 'E&xit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: '&View',
    zoomAll: '&Zoom to all',
    toggleLayerPanel: 'Toggle &layer panel',
    language: 'Language',
    reload: 'Reload',
    toggleFullscreen: 'Toggle full screen',
    help: '&Help',
    about: 'About Renewal Atlas',
    services: 'Services',
    hide: 'Hide Renewal Atlas',
    hideOthers: 'Hide others',
    showAll: 'Show all',
    languageNames,
    dialogNewTitle: 'New project',
    dialogOpenTitle: 'Open project',
    dialogSaveTitle: 'Save project as',
    geopackageFilter: 'GeoPackage project',
    startupFailed: 'Renewal Atlas could not start',
  }),
});

/** The labels of one language. */
export function labelsFor(language: MenuLanguage): Readonly<NativeLabels> {
  return MENU_LABELS[language];
}

/**
 * A label without its access-key marks, for places that show text as is (macOS menus, dialog
 * titles): `文件(&F)` → `文件`, `&File` → `File`, `&&` → `&`.
 */
export function plainLabel(label: string): string {
  return label
    .replace(/\(&[^)]\)/g, '')
    .replace(/&(&?)/g, (_m, literal: string) => literal);
}

/** Text from outside (a file name, a path) made safe for a Windows/Linux menu: `&` shown as `&`. */
export function escapeMnemonics(text: string): string {
  return text.replace(/&/g, '&&');
}
