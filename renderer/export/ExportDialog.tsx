import { Modal } from '../app/Modal.tsx';
import { useT } from '../i18n/use-t.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { backToExportForm, cancelExportJob, closeExport, startExportJob } from './export-actions.ts';
import { exportArgs } from './export-model.ts';
import { useExport } from './export-store.ts';
import { ExportForm } from './ExportForm.tsx';
import { ExportOutcome } from './ExportOutcome.tsx';
import { useApp } from '../app/state.ts';

/** File › Export…: scope, format, CRS and target file; then the job's progress and what was written. */
export function ExportDialog() {
  const { t } = useT();
  const open = useExport((s) => s.open);
  const step = useExport((s) => s.step);
  const draft = useExport((s) => s.draft);
  const job = useExport((s) => s.job);
  const cancelling = useExport((s) => s.cancelling);
  const project = useApp((s) => s.project);
  const selection = useApp((s) => s.selection);
  if (!open) return null;
  const ready = exportArgs(draft, project?.layers.map((l) => l.id) ?? [], selection, false) !== null;

  const footer =
    step === 'form' ? (
      <>
        <button type="button" className="button" onClick={closeExport}>{t('common.cancel')}</button>
        <button type="button" className="button primary" data-testid="export-start" disabled={!ready} onClick={() => void startExportJob()}>
          {t('export.start')}
        </button>
      </>
    ) : step === 'running' ? null : (
      <>
        {step === 'failed' && <button type="button" className="button" onClick={backToExportForm}>{t('import.back')}</button>}
        <button type="button" className="button primary" data-testid="export-close" autoFocus onClick={closeExport}>{t('common.close')}</button>
      </>
    );

  return (
    <Modal title={t('export.title')} testId="export-dialog" className="export-dialog" onCancel={closeExport} footer={footer}>
      {step === 'form' && <ExportForm />}
      {step === 'running' && (
        <JobProgress status={job} label={t('export.running')} cancelling={cancelling} onCancel={() => void cancelExportJob()} />
      )}
      {(step === 'done' || step === 'failed') && <ExportOutcome />}
    </Modal>
  );
}
