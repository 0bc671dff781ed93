import { FileDialog } from '../files/FileDialog.tsx';
import { NewProjectDialog } from '../files/NewProjectDialog.tsx';
import { AboutDialog } from './AboutDialog.tsx';
import { MessageBox } from './MessageBox.tsx';
import { useApp } from './state.ts';

/** Whichever dialog is open, with the message box above it. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  return (
    <>
      {dialog?.type === 'file' && (
        <FileDialog purpose={dialog.purpose} defaultName={dialog.defaultName} resolve={dialog.resolve} />
      )}
      {dialog?.type === 'newProject' && <NewProjectDialog resolve={dialog.resolve} />}
      {dialog?.type === 'about' && <AboutDialog />}
      <MessageBox />
    </>
  );
}
