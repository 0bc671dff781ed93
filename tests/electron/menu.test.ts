import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/contract.ts';
import { buildMenuTemplate, MAX_RECENT_ITEMS, type MenuTemplateOptions } from '../../electron/main/menu.ts';
import { escapeMnemonics, MENU_LABELS, plainLabel } from '../../electron/main/menu-labels.ts';

function build(overrides: Partial<MenuTemplateOptions> = {}): { template: MenuItemConstructorOptions[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({
    language: 'zh',
    recent: [],
    isMac: false,
    send: (cmd) => sent.push(cmd),
    ...overrides,
  });
  return { template, sent };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no submenu under ${item?.label ?? item?.role}`);
  return item.submenu as MenuItemConstructorOptions[];
}

/** The item reached by following `labels` from the top level. */
function find(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((item) => item.label === label);
    if (!found) throw new Error(`no menu item "${label}" among ${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}`);
    items = Array.isArray(found.submenu) ? (found.submenu as MenuItemConstructorOptions[]) : [];
  }
  return found as MenuItemConstructorOptions;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`menu item "${item.label}" has no click handler`);
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('labels File, View and Help in Chinese', () => {
    const { template } = build({ language: 'zh' });
    expect(template.map((item) => item.label)).toEqual(['文件(&F)', '视图(&V)', '帮助(&H)']);
    expect(submenu(template[0]).filter((i) => i.label).map((i) => i.label)).toEqual([
      '新建项目…',
      '打开…',
      '最近打开',
      '另存为…',
      '导入数据(&I)…',
      '导出(&E)…',
      '退出(&X)',
    ]);
    expect(submenu(template[1]).filter((i) => i.label).map((i) => i.label)).toEqual([
      '缩放至全部',
      '显示/隐藏图层面板',
      '显示/隐藏属性表(&T)',
      '分析(&A)',
      '语言',
      '重新加载',
      '切换全屏',
    ]);
  });

  it('labels File, View and Help in English', () => {
    const { template } = build({ language: 'en' });
    expect(template.map((item) => item.label)).toEqual(['&File', '&View', '&Help']);
    expect(submenu(template[0]).filter((i) => i.label).map((i) => i.label)).toEqual([
      '&New project…',
      '&Open…',
      'Open &recent',
      'Save &as…',
      '&Import data…',
      '&Export…',
      'E&xit',
    ]);
    expect(find(template, '&Help', 'About Renewal Atlas').label).toBe('About Renewal Atlas');
  });

  it.each<[string[], MenuCommand]>([
    [['&File', '&New project…'], { type: 'newProject' }],
    [['&File', '&Open…'], { type: 'openProject' }],
    [['&File', 'Save &as…'], { type: 'saveProjectAs' }],
    [['&View', '&Zoom to all'], { type: 'zoomAll' }],
    [['&View', 'Toggle &layer panel'], { type: 'toggleLayerPanel' }],
    [['&File', '&Import data…'], { type: 'importData' }],
    [['&File', '&Export…'], { type: 'exportData' }],
    [['&View', 'Toggle attribute &table'], { type: 'toggleAttributeTable' }],
    [['&View', '&Analysis'], { type: 'toggleAnalysisPanel' }],
    [['&View', 'Language', '中文'], { type: 'setLanguage', language: 'zh' }],
    [['&View', 'Language', 'English'], { type: 'setLanguage', language: 'en' }],
    [['&Help', 'About Renewal Atlas'], { type: 'about' }],
  ])('%j sends %j', (labels, expected) => {
    const { template, sent } = build({ language: 'en' });
    click(find(template, ...labels));
    expect(sent).toEqual([expected]);
  });

  it('sends the same commands from the Chinese menu', () => {
    const { template, sent } = build({ language: 'zh' });
    click(find(template, '文件(&F)', '打开…'));
    click(find(template, '视图(&V)', '缩放至全部'));
    expect(sent).toEqual([{ type: 'openProject' }, { type: 'zoomAll' }]);
  });

  it('leaves reload, full screen and quit to Electron roles', () => {
    const { template } = build({ language: 'en' });
    expect(find(template, '&View', 'Reload').role).toBe('reload');
    expect(find(template, '&View', 'Toggle full screen').role).toBe('togglefullscreen');
    expect(find(template, '&File', 'E&xit').role).toBe('quit');
  });

  it('lists the recent projects with their paths, each opening its own path', () => {
    const recent = Object.freeze([
      Object.freeze({ path: '/home/planner/南湖片区.gpkg', name: '南湖片区' }),
      Object.freeze({ path: 'D:\\规划\\parks & greenways.gpkg', name: 'parks & greenways' }),
    ]);
    const { template, sent } = build({ language: 'zh', recent });
    const items = submenu(find(template, '文件(&F)', '最近打开'));
    expect(items.map((item) => item.label)).toEqual([
      '南湖片区 — /home/planner/南湖片区.gpkg',
      // Windows/Linux menus show `&&` as a literal `&`.
      'parks && greenways — D:\\规划\\parks && greenways.gpkg',
    ]);
    items.forEach(click);
    expect(sent).toEqual([
      { type: 'openRecent', path: '/home/planner/南湖片区.gpkg' },
      { type: 'openRecent', path: 'D:\\规划\\parks & greenways.gpkg' },
    ]);
  });

  it(`shows at most ${MAX_RECENT_ITEMS} recent projects`, () => {
    const recent = Array.from({ length: MAX_RECENT_ITEMS + 5 }, (_, i) => ({ path: `/p/${i}.gpkg`, name: `${i}` }));
    const { template } = build({ language: 'en', recent });
    const items = submenu(find(template, '&File', 'Open &recent'));
    expect(items).toHaveLength(MAX_RECENT_ITEMS);
    expect(items[0]?.label).toBe('0 — /p/0.gpkg');
  });

  it('shows a disabled placeholder when there are no recent projects', () => {
    const { template } = build({ language: 'en', recent: [] });
    expect(submenu(find(template, '&File', 'Open &recent'))).toEqual([{ label: '(No recent projects)', enabled: false }]);
  });

  it('checks the current language', () => {
    const { template } = build({ language: 'en' });
    const items = submenu(find(template, '&View', 'Language'));
    expect(items.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['中文', 'radio', false],
      ['English', 'radio', true],
    ]);
  });

  it('on macOS adds the application and Edit menus, moves Quit and drops access keys', () => {
    const { template, sent } = build({ language: 'zh', isMac: true, recent: [{ path: '/a & b.gpkg', name: 'a & b' }] });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['appMenu', '文件', '编辑', '视图', '帮助']);
    expect(submenu(template[0]).map((item) => item.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(submenu(find(template, '编辑')).map((item) => item.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(submenu(find(template, '文件')).some((item) => item.role === 'quit')).toBe(false);
    expect(find(template, '文件', '最近打开', 'a & b — /a & b.gpkg')).toBeDefined();
    click(submenu(template[0])[0] as MenuItemConstructorOptions);
    expect(sent).toEqual([{ type: 'about' }]);
  });

  it('does not change its input and gives the same template twice', () => {
    const opts = Object.freeze({
      language: 'en' as const,
      recent: Object.freeze([Object.freeze({ path: '/p/a.gpkg', name: 'a' })]),
      isMac: false,
      send: () => undefined,
    });
    const labels = (t: MenuItemConstructorOptions[]): unknown => JSON.parse(JSON.stringify(t));
    expect(labels(buildMenuTemplate(opts))).toEqual(labels(buildMenuTemplate(opts)));
  });
});

describe('menu labels', () => {
  it('has every label in both languages, none empty', () => {
    expect(Object.keys(MENU_LABELS.zh).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const table of [MENU_LABELS.zh, MENU_LABELS.en]) {
      for (const [key, value] of Object.entries(table)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('strips access keys for plain text', () => {
    expect(plainLabel('文件(&F)')).toBe('文件');
    expect(plainLabel('Save &as…')).toBe('Save as…');
    expect(plainLabel('Parks && greenways')).toBe('Parks & greenways');
  });

  it('escapes ampersands of outside text', () => {
    expect(escapeMnemonics('a & b && c')).toBe('a && b &&&& c');
  });
});
