import { ExportDialog } from '../export/ExportDialog.tsx';
import { FileDialog } from '../files/FileDialog.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { NewProjectDialog } from '../files/NewProjectDialog.tsx';
import { AboutDialog } from './AboutDialog.tsx';
import { MessageBox } from './MessageBox.tsx';
import { useApp } from './state.ts';

/**
 * Whichever dialogs are open: import and export (each with its own store), above them the file, new
 * project or about dialog, and the message box on top.
 */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  return (
    <>
      <ImportDialog />
      <ExportDialog />
      {dialog?.type === 'file' && (
        <FileDialog request={dialog.request} resolve={dialog.resolve} />
      )}
      {dialog?.type === 'newProject' && <NewProjectDialog resolve={dialog.resolve} />}
      {dialog?.type === 'about' && <AboutDialog />}
      <MessageBox />
    </>
  );
}
