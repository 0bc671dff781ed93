import type { AtlasErrorData } from '../../shared/api/errors.ts';
import { useT } from '../i18n/use-t.ts';
import { setImportOption } from './import-actions.ts';
import { previewQuestion } from './import-model.ts';
import { useImport } from './import-store.ts';
import { CrsPicker } from './CrsPicker.tsx';
import { CsvColumnsForm } from './CsvColumnsForm.tsx';
import { EncodingSelect } from './EncodingSelect.tsx';

/**
 * A preview that could not be made: what is wrong in the UI language (the host's words below), and the
 * question that lets it go on: which CSV columns hold coordinates, whether to import geometry only
 * without a .dbf, or which CRS the coordinates are in (again, when the one typed cannot be used).
 */
export function PreviewQuestionPanel({ error }: { error: AtlasErrorData }) {
  const { t } = useT();
  const options = useImport((s) => s.options);
  const question = previewQuestion(error);
  return (
    <section className={`import-question${question.type === 'none' ? ' error' : ''}`} data-testid="import-question" data-code={error.code}>
      <p className="question-title">{t(`import.question.${question.type}`, { defaultValue: t(`errors.${error.code}`) })}</p>
      {question.type === 'none' && <p>{t(`errors.${error.code}`, { ...error.params, defaultValue: t('errors.internal') })}</p>}
      <p className="muted detail">{error.message}</p>
      {question.type === 'columns' && <CsvColumnsForm columns={question.columns} options={options} />}
      {question.type === 'noAttributes' && (
        <button type="button" className="button primary" data-testid="import-geometry-only" onClick={() => setImportOption({ allowNoAttributes: true })}>
          {t('import.geometryOnly')}
        </button>
      )}
      {(question.type === 'crs' || question.type === 'crsInvalid') && (
        <CrsPicker
          inUse={null}
          candidates={[]}
          value={options.crs}
          startCustom={question.type === 'crsInvalid'}
          onPick={(crs) => setImportOption({ crs })}
        />
      )}
      {error.code === 'invalid_file' && (
        <label className="inline-field">
          <span>{t('import.encoding')}</span>
          <EncodingSelect value={options.encoding ?? ''} onPick={(encoding) => setImportOption({ encoding })} />
        </label>
      )}
    </section>
  );
}
