import { useMemo } from 'react';
import type { DirEntry } from '../../shared/api/contract.ts';
import { Icon } from '../app/icons.tsx';
import { useT } from '../i18n/use-t.ts';

interface Props {
  entries: readonly DirEntry[];
  selected: string;
  onOpenDir: (entry: DirEntry) => void;
  onSelectFile: (entry: DirEntry) => void;
  onChooseFile: (entry: DirEntry) => void;
}

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A folder's entries: folders first, then project files; double-click a file to choose it. */
export function FileList({ entries, selected, onOpenDir, onSelectFile, onChooseFile }: Props) {
  const { t } = useT();
  const sorted = useMemo(
    () => [...entries].sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1)),
    [entries],
  );
  if (sorted.length === 0) return <p className="file-list-empty">{t('files.emptyFolder')}</p>;
  return (
    <ul className="file-list" role="listbox">
      {sorted.map((entry) => (
        <li key={entry.path}>
          <button
            type="button"
            role="option"
            aria-selected={entry.name === selected}
            className={`file-entry ${entry.type}${entry.name === selected ? ' selected' : ''}`}
            data-testid={`file-entry-${entry.name}`}
            onClick={() => (entry.type === 'dir' ? onOpenDir(entry) : onSelectFile(entry))}
            onDoubleClick={() => entry.type === 'file' && onChooseFile(entry)}
          >
            <Icon name={entry.type === 'dir' ? 'folder' : 'file'} size={15} />
            <span className="file-name">{entry.name}</span>
            <span className="file-size">{entry.type === 'file' ? formatSize(entry.size) : ''}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
