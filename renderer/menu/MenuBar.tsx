import { useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/api/contract.ts';
import { useAnalysis } from '../analysis/analysis-store.ts';
import { useApp } from '../app/state.ts';
import { refreshRecent } from '../files/project-actions.ts';
import { useT } from '../i18n/use-t.ts';
import { handleMenuCommand } from './handle-menu-command.ts';
import { buildMenus, type Menu } from './menu-model.ts';
import { MenuDropdown } from './MenuDropdown.tsx';

/** The app's own menu bar, drawn in browser mode (Electron has a native menu sending the same commands). */
export function MenuBar() {
  const { t, lang } = useT();
  const recent = useApp((s) => s.recent);
  const layerPanelOpen = useApp((s) => s.layerPanelOpen);
  const hasProject = useApp((s) => s.project !== null);
  const writable = useApp((s) => s.project !== null && !s.project.readOnly);
  const tableOpen = useApp((s) => s.tableOpen);
  const analysisOpen = useAnalysis((s) => s.open);
  const [open, setOpen] = useState<Menu['id'] | null>(null);
  const bar = useRef<HTMLElement>(null);
  const menus = useMemo(
    () => buildMenus({ recent, language: lang, layerPanelOpen, hasProject, tableOpen, analysisOpen, writable }),
    [recent, lang, layerPanelOpen, hasProject, tableOpen, analysisOpen, writable],
  );

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !bar.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const toggle = (id: Menu['id']) => {
    if (open !== id && id === 'file') void refreshRecent();
    setOpen(open === id ? null : id);
  };
  const run = (cmd: MenuCommand) => {
    setOpen(null);
    void handleMenuCommand(cmd);
  };

  return (
    <nav className="menu-bar" ref={bar} data-testid="menu-bar">
      {menus.map((menu) => (
        <div key={menu.id} className={`menu${open === menu.id ? ' open' : ''}`}>
          <button
            type="button"
            className="menu-title"
            data-testid={`menu-${menu.id}`}
            aria-haspopup="menu"
            aria-expanded={open === menu.id}
            onClick={() => toggle(menu.id)}
            onMouseEnter={() => open && open !== menu.id && setOpen(menu.id)}
          >
            {t(menu.labelKey)}
          </button>
          {open === menu.id && <MenuDropdown items={menu.items} onCommand={run} />}
        </div>
      ))}
    </nav>
  );
}
