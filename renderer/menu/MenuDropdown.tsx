import type { MenuCommand } from '../../shared/api/contract.ts';
import { useT } from '../i18n/use-t.ts';
import type { MenuItem } from './menu-model.ts';

interface Props {
  items: readonly MenuItem[];
  onCommand: (cmd: MenuCommand) => void;
}

/** A menu's drop-down list; submenus open on hover. */
export function MenuDropdown({ items, onCommand }: Props) {
  const { t } = useT();
  return (
    <ul className="menu-dropdown" role="menu">
      {items.map((item) => {
        if (item.separator) return <li key={item.id} className="menu-separator" role="separator" />;
        const label = item.label ?? t(item.labelKey ?? '');
        return (
          <li key={item.id} role="none" className={item.submenu ? 'menu-parent' : undefined}>
            <button
              type="button"
              role="menuitem"
              data-testid={`menu-item-${item.id}`}
              title={item.title}
              disabled={item.disabled}
              onClick={() => item.command && onCommand(item.command)}
            >
              <span className="menu-check">{item.checked ? '✓' : ''}</span>
              <span className="menu-label">
                {label}
                {item.detail && <span className="menu-detail">{item.detail}</span>}
              </span>
              {item.submenu && <span className="menu-arrow">▸</span>}
            </button>
            {item.submenu && <MenuDropdown items={item.submenu} onCommand={onCommand} />}
          </li>
        );
      })}
    </ul>
  );
}
