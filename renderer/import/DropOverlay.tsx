import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { importDroppedFiles } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { useFileDrop } from './use-file-drop.ts';

/** The full-window "Drop to import" overlay while files are dragged over the window (with a project open). */
export function DropOverlay() {
  const { t } = useT();
  const canImport = useApp((s) => s.project !== null && !s.project.readOnly);
  const importing = useImport((s) => s.open);
  const hovering = useFileDrop(canImport && !importing, (files) => void importDroppedFiles(files));
  if (!hovering) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-box">
        <strong>{t('import.dropHere')}</strong>
        <span>{t('import.dropFormats')}</span>
      </div>
    </div>
  );
}
