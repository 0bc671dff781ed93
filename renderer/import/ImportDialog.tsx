import { Modal } from '../app/Modal.tsx';
import { useT } from '../i18n/use-t.ts';
import { closeImport } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { ImportFailure } from './ImportFailure.tsx';
import { ImportFooter } from './ImportFooter.tsx';
import { ImportRunning } from './ImportRunning.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { TargetStep } from './TargetStep.tsx';

/**
 * The import dialog, docked at the right so the file's features stay visible on the map: preview
 * (layer, CRS, encoding, rows, problems) → target (new layer of a kind with field mapping, or append)
 * → progress → summary.
 */
export function ImportDialog() {
  const { t } = useT();
  const open = useImport((s) => s.open);
  const step = useImport((s) => s.step);
  if (!open) return null;
  return (
    <Modal title={t('import.title')} testId="import-dialog" className="import-dialog" placement="side" onCancel={closeImport} footer={<ImportFooter />}>
      <ImportSteps step={step} />
      {step === 'preview' && <PreviewStep />}
      {step === 'target' && <TargetStep />}
      {step === 'running' && <ImportRunning />}
      {step === 'done' && <ImportSummary />}
      {step === 'failed' && <ImportFailure />}
    </Modal>
  );
}
