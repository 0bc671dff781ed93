import { useMemo } from 'react';
import type { DirEntry } from '../../shared/api/contract.ts';
import { Icon } from '../app/icons.tsx';

interface Props {
  entries: readonly DirEntry[];
  /** Names of the picked files. */
  selected: readonly string[];
  emptyText: string;
  onOpenDir: (entry: DirEntry) => void;
  /** `extend`: Ctrl, ⌘ or Shift was held (add to the picked files rather than replace them). */
  onSelectFile: (entry: DirEntry, extend: boolean) => void;
  onChooseFile: (entry: DirEntry) => void;
}

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A folder's entries: folders first, then files; double-click a file to choose it. */
export function FileList({ entries, selected, emptyText, onOpenDir, onSelectFile, onChooseFile }: Props) {
  const sorted = useMemo(
    () => [...entries].sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1)),
    [entries],
  );
  if (sorted.length === 0) return <p className="file-list-empty">{emptyText}</p>;
  return (
    <ul className="file-list" role="listbox" aria-multiselectable={selected.length > 1 || undefined}>
      {sorted.map((entry) => {
        const isSelected = entry.type === 'file' && selected.includes(entry.name);
        return (
          <li key={entry.path}>
            <button
              type="button"
              role="option"
              aria-selected={isSelected}
              className={`file-entry ${entry.type}${isSelected ? ' selected' : ''}`}
              data-testid={`file-entry-${entry.name}`}
              onClick={(e) => (entry.type === 'dir' ? onOpenDir(entry) : onSelectFile(entry, e.ctrlKey || e.metaKey || e.shiftKey))}
              onDoubleClick={() => entry.type === 'file' && onChooseFile(entry)}
            >
              <Icon name={entry.type === 'dir' ? 'folder' : 'file'} size={15} />
              <span className="file-name">{entry.name}</span>
              <span className="file-size">{entry.type === 'file' ? formatSize(entry.size) : ''}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
