import { useRef } from 'react';
import { appStore } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { setTableHeight } from './table-actions.ts';

/** The attribute panel's top edge: drag it to make the table taller or shorter. */
export function TableResizer() {
  const { t } = useT();
  const start = useRef<{ y: number; height: number } | null>(null);
  return (
    <div
      className="table-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('table.resize')}
      title={t('table.resize')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { y: e.clientY, height: appStore.get().tableHeight };
      }}
      onPointerMove={(e) => {
        if (start.current) setTableHeight(start.current.height + start.current.y - e.clientY);
      }}
      onPointerUp={() => {
        start.current = null;
      }}
    />
  );
}
