import { useT } from '../i18n/use-t.ts';
import { openAttributeTable } from '../table/table-actions.ts';
import { backToPreview, closeImport, goToTarget, startImportJob } from './import-actions.ts';
import { canStartImport } from './import-model.ts';
import { useImport } from './import-store.ts';

/** The import dialog's buttons for the current step. */
export function ImportFooter() {
  const { t } = useT();
  const step = useImport((s) => s.step);
  const hasPreview = useImport((s) => s.preview !== null);
  const previewing = useImport((s) => s.previewing);
  const canStart = useImport(canStartImport);
  const layerId = useImport((s) => s.result?.layerId);

  const cancel = (
    <button type="button" className="button" data-testid="import-cancel" onClick={closeImport}>{t('common.cancel')}</button>
  );
  if (step === 'preview') {
    return (
      <>
        {cancel}
        <button type="button" className="button primary" data-testid="import-next" disabled={!hasPreview || previewing} onClick={goToTarget}>
          {t('import.next')}
        </button>
      </>
    );
  }
  if (step === 'target') {
    return (
      <>
        <button type="button" className="button" data-testid="import-back" onClick={backToPreview}>{t('import.back')}</button>
        <span className="footer-spacer" />
        {cancel}
        <button type="button" className="button primary" data-testid="import-start" disabled={!canStart} onClick={() => void startImportJob()}>
          {t('import.start')}
        </button>
      </>
    );
  }
  if (step === 'running') return <span className="muted">{t('import.runningHint')}</span>;
  if (step === 'failed') {
    return (
      <>
        <button type="button" className="button" data-testid="import-back" onClick={backToPreview}>{t('import.back')}</button>
        <span className="footer-spacer" />
        <button type="button" className="button primary" data-testid="import-close" onClick={closeImport}>{t('common.close')}</button>
      </>
    );
  }
  return (
    <>
      {layerId && (
        <button
          type="button"
          className="button"
          data-testid="import-open-table"
          onClick={() => {
            closeImport();
            openAttributeTable(layerId);
          }}
        >
          {t('import.openTable')}
        </button>
      )}
      <button type="button" className="button primary" data-testid="import-close" autoFocus onClick={closeImport}>{t('common.close')}</button>
    </>
  );
}
