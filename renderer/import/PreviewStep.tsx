import { baseName } from '../files/paths.ts';
import { useT } from '../i18n/use-t.ts';
import { useImport } from './import-store.ts';
import { LayerPreview } from './LayerPreview.tsx';
import { PreviewQuestionPanel } from './PreviewQuestionPanel.tsx';

/** Step 1: what the file holds, read without writing anything. */
export function PreviewStep() {
  const { t } = useT();
  const files = useImport((s) => s.files);
  const format = useImport((s) => s.preview?.format);
  const previewing = useImport((s) => s.previewing);
  const error = useImport((s) => s.previewError);
  const hasPreview = useImport((s) => s.preview !== null);
  return (
    <div className="import-preview">
      <dl className="facts">
        <dt>{t('import.files')}</dt>
        <dd className="file-names" data-testid="import-files">
          {files.map((f) => <span key={f} title={f}>{baseName(f)}</span>)}
        </dd>
        {format && (
          <>
            <dt>{t('import.format')}</dt>
            <dd data-testid="import-format">{format}</dd>
          </>
        )}
      </dl>
      {previewing && <p className="muted" data-testid="import-previewing">{t('import.reading')}</p>}
      {error && !previewing && <PreviewQuestionPanel error={error} />}
      {hasPreview && <LayerPreview />}
    </div>
  );
}
