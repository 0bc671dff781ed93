import { useState } from 'react';
import { Icon } from '../app/icons.tsx';
import { Modal } from '../app/Modal.tsx';
import { useApp, type FilePurpose } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { FileList } from './FileList.tsx';
import { dialogTarget, dirName } from './paths.ts';
import { useDirListing } from './use-dir-listing.ts';

interface Props {
  purpose: FilePurpose;
  defaultName?: string;
  resolve: (path: string | null) => void;
}

/** Browser mode's file dialog: browses the host's disk through the API (folders and .gpkg files). */
export function FileDialog({ purpose, defaultName, resolve }: Props) {
  const { t } = useT();
  const projectPath = useApp((s) => s.project?.path);
  const dataDir = useApp((s) => s.appInfo?.dataDir);
  const [startDir] = useState(() => (projectPath ? dirName(projectPath) : dataDir) || undefined);
  const { listing, loading, error, browse } = useDirListing(startDir);
  const [name, setName] = useState(defaultName ?? '');
  const dir = listing?.dir ?? '';
  const target = listing ? dialogTarget(dir, name, purpose) : null;
  const cancel = () => resolve(null);
  const confirm = () => target && resolve(target);

  return (
    <Modal
      title={t(`files.title.${purpose}`)}
      testId="file-dialog"
      className="file-dialog"
      onCancel={cancel}
      footer={
        <>
          <label className="file-name-field">
            <span>{t('files.fileName')}</span>
            <input
              type="text"
              value={name}
              data-testid="file-dialog-name"
              placeholder={purpose === 'open' ? t('files.openPlaceholder') : t('files.savePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && confirm()}
            />
          </label>
          <button type="button" className="button" data-testid="file-dialog-cancel" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button primary" data-testid="file-dialog-ok" disabled={!target} onClick={confirm}>
            {t(`files.confirm.${purpose}`)}
          </button>
        </>
      }
    >
      <div className="file-path-bar">
        <button
          type="button"
          className="icon-button"
          data-testid="file-dialog-up"
          title={t('files.up')}
          disabled={!listing?.parent}
          onClick={() => listing?.parent && browse(listing.parent)}
        >
          <Icon name="parent" size={15} />
        </button>
        <span className="file-dir" data-testid="file-dialog-dir" title={dir}>{dir || '…'}</span>
      </div>
      <div className="file-list-box">
        {error && (
          <p className="file-error" data-testid="file-dialog-error">
            {t(`errors.${error.code}`)} <span className="muted">{error.message}</span>
          </p>
        )}
        {!error && loading && !listing && <p className="file-list-empty">{t('common.loading')}</p>}
        {listing && (
          <FileList
            entries={listing.entries}
            selected={name}
            onOpenDir={(entry) => browse(entry.path)}
            onSelectFile={(entry) => setName(entry.name)}
            onChooseFile={(entry) => resolve(entry.path)}
          />
        )}
      </div>
    </Modal>
  );
}
