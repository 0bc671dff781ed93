import { useState } from 'react';
import { Icon } from '../app/icons.tsx';
import { Modal } from '../app/Modal.tsx';
import { useApp, type FileRequest } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { FileList } from './FileList.tsx';
import { clickSelection, withShapefileSiblings } from './file-selection.ts';
import { dialogTarget, dirName, splitNames } from './paths.ts';
import { PROJECT_EXTENSIONS, useDirListing } from './use-dir-listing.ts';

interface Props {
  request: FileRequest;
  resolve: (paths: string[] | null) => void;
}

/**
 * Browser mode's file dialog: browses the host's disk through the API (folders and the files the
 * request lists: projects, or data to import). Several files can be picked when the request allows it
 * (Ctrl/Shift-click; names separated by ';').
 */
export function FileDialog({ request, resolve }: Props) {
  const { t } = useT();
  const { purpose, multiple = false, topic = 'project' } = request;
  const projectPath = useApp((s) => s.project?.path);
  const dataDir = useApp((s) => s.appInfo?.dataDir);
  const [startDir] = useState(() => (projectPath ? dirName(projectPath) : dataDir) || undefined);
  const { listing, loading, error, browse } = useDirListing(startDir, request.extensions ?? PROJECT_EXTENSIONS);
  const [name, setName] = useState(request.defaultName ?? '');
  const dir = listing?.dir ?? '';
  const names = multiple ? splitNames(name) : [name];
  const targets = listing
    ? names.map((n) => dialogTarget(dir, n, purpose, request.saveExtension)).filter((p): p is string => p !== null)
    : [];
  const cancel = () => resolve(null);
  const confirm = () => targets.length > 0 && resolve(targets);
  const texts = topic === 'project' ? 'files' : `files.${topic}`;

  return (
    <Modal
      title={t(`${texts}.title.${purpose}`)}
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
              placeholder={t(purpose === 'open' ? `${texts}.openPlaceholder` : `${texts}.savePlaceholder`)}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && confirm()}
            />
          </label>
          <button type="button" className="button" data-testid="file-dialog-cancel" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button primary" data-testid="file-dialog-ok" disabled={targets.length === 0} onClick={confirm}>
            {t(`${texts}.confirm.${purpose}`)}
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
            selected={names}
            emptyText={t(`${texts}.emptyFolder`)}
            onOpenDir={(entry) => browse(entry.path)}
            onSelectFile={(entry, extend) => {
              const picked = multiple ? withShapefileSiblings(clickSelection(names, entry.name, extend), listing.entries) : [entry.name];
              setName(picked.join('; '));
            }}
            onChooseFile={(entry) =>
              resolve(multiple ? withShapefileSiblings([entry.name], listing.entries).map((n) => dialogTarget(dir, n, 'open')!) : [entry.path])
            }
          />
        )}
      </div>
      {multiple && <p className="file-hint muted">{t('files.import.multiHint')}</p>}
    </Modal>
  );
}
