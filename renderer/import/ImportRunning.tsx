import { useT } from '../i18n/use-t.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { cancelImportJob } from './import-actions.ts';
import { useImport } from './import-store.ts';

/** Step 3: the import job's progress, with Cancel. */
export function ImportRunning() {
  const { t } = useT();
  const job = useImport((s) => s.job);
  const cancelling = useImport((s) => s.cancelling);
  const title = useImport((s) => s.target.title);
  return (
    <JobProgress
      status={job}
      label={t('import.running', { title })}
      cancelling={cancelling}
      onCancel={() => void cancelImportJob()}
    />
  );
}
