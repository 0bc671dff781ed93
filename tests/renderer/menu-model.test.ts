import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/contract.ts';
import { buildMenus, type MenuItem } from '../../renderer/menu/menu-model.ts';

function flatten(items: readonly MenuItem[]): MenuItem[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

const input = { recent: [{ path: '/p/a.gpkg', name: 'A', openedAt: '2024-01-01' }], language: 'zh' as const, layerPanelOpen: true, hasProject: true };

describe('browser-mode menus', () => {
  it('are File, View and Help', () => {
    expect(buildMenus(input).map((m) => m.id)).toEqual(['file', 'view', 'help']);
  });

  it('offer every menu command', () => {
    const types = new Set(buildMenus(input).flatMap((m) => flatten(m.items)).map((i) => i.command?.type).filter(Boolean));
    const all: MenuCommand['type'][] = [
      'newProject', 'openProject', 'saveProjectAs', 'openRecent', 'importData', 'exportData',
      'zoomAll', 'toggleLayerPanel', 'toggleAttributeTable', 'toggleAnalysisPanel', 'setLanguage', 'about',
    ];
    expect([...types].sort()).toEqual([...all].sort());
  });

  it('open a recent project by its path', () => {
    const recent = flatten(buildMenus(input)[0].items).find((i) => i.id === 'recent-0');
    expect(recent?.command).toEqual({ type: 'openRecent', path: '/p/a.gpkg' });
  });

  it('tick the current language', () => {
    const view = flatten(buildMenus({ ...input, language: 'en' })[1].items);
    expect(view.filter((i) => i.checked).map((i) => i.id)).toEqual(['toggle-layers', 'lang-en']);
  });

  it('disable Save as without a project', () => {
    const file = buildMenus({ ...input, hasProject: false })[0].items;
    expect(file.find((i) => i.id === 'save-as')?.disabled).toBe(true);
  });

  it('tick the attribute table when it is shown', () => {
    const view = flatten(buildMenus({ ...input, tableOpen: true })[1].items);
    expect(view.find((i) => i.id === 'toggle-attribute-table')?.checked).toBe(true);
  });

  it('tick the analysis panel when it is shown', () => {
    const view = flatten(buildMenus({ ...input, analysisOpen: true })[1].items);
    expect(view.find((i) => i.id === 'toggle-analysis')?.checked).toBe(true);
    expect(view.find((i) => i.id === 'toggle-analysis')?.command).toEqual({ type: 'toggleAnalysisPanel' });
  });

  it('disable import into a read-only project but keep export', () => {
    const file = buildMenus({ ...input, writable: false })[0].items;
    expect([file.find((i) => i.id === 'import-data')?.disabled, file.find((i) => i.id === 'export-data')?.disabled]).toEqual([true, false]);
  });
});
