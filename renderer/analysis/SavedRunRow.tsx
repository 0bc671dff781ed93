import { useState } from 'react';
import type { AnalysisRunSummary } from '../../shared/api/analysis-runs.ts';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { useAnalysis } from './analysis-store.ts';
import { RUN_EXPORT_FORMATS, exportRun, type RunExportFormat } from './export-run.ts';
import { formatSavedAt, formatShare } from './figures-format.ts';
import { startAnalysis } from './run-actions.ts';
import { deleteRun, openRun, renameRun } from './saved-runs-actions.ts';

/** One saved run: name (renamable), when, its share, a "data changed since" mark; open, re-run, export, delete. */
export function SavedRunRow({ run, shownId }: { run: AnalysisRunSummary; shownId: number | null }) {
  const { t, lang } = useT();
  const busy = useAnalysis((s) => s.busyRunId !== null || s.running !== null);
  // A read-only project keeps its runs as they are (Save as gives a copy that can change them).
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [editing, setEditing] = useState<string | null>(null);
  const id = run.id;
  const commit = () => {
    if (editing !== null && editing.trim() && editing.trim() !== run.name) void renameRun(id, editing);
    setEditing(null);
  };
  return (
    <li className={`saved-run${shownId === id ? ' shown' : ''}`} data-testid={`analysis-run-${id}`} data-stale={String(run.stale)}>
      {editing === null ? (
        <div className="saved-run-name" title={run.name}>{run.name}</div>
      ) : (
        <input
          type="text"
          className="saved-run-input"
          value={editing}
          maxLength={200}
          autoFocus
          data-testid={`analysis-run-name-${id}`}
          aria-label={t('analysis.saved.newName')}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(null);
          }}
        />
      )}
      <div className="saved-run-meta">
        <span>{formatSavedAt(run.createdAt, lang)}</span>
        <span className="saved-run-share" data-testid={`analysis-run-share-${id}`}>
          {run.shareBefore !== null && `${formatShare(run.shareBefore, lang)} → `}
          {formatShare(run.share, lang)}
        </span>
        {run.met !== null && <span className={run.met ? 'ok-text' : 'error-text'}>{run.met ? t('analysis.card.metShort') : t('analysis.card.unmetShort')}</span>}
        {run.stale && <span className="stale-badge" data-testid={`analysis-run-stale-${id}`} title={t('analysis.saved.staleHint')}>{t('analysis.saved.stale')}</span>}
      </div>
      <div className="saved-run-buttons">
        <button type="button" className="button small" data-testid={`analysis-run-open-${id}`} disabled={busy} onClick={() => void openRun(id)}>{t('analysis.saved.open')}</button>
        <button type="button" className="button small" data-testid={`analysis-run-rerun-${id}`} disabled={busy} onClick={() => void startAnalysis(run.request)}>{t('analysis.saved.rerun')}</button>
        <button type="button" className="button small" data-testid={`analysis-run-rename-${id}`} disabled={busy || readOnly} onClick={() => setEditing(run.name)}>{t('analysis.saved.rename')}</button>
        <select
          className="small"
          value=""
          disabled={busy}
          data-testid={`analysis-run-export-${id}`}
          aria-label={t('analysis.saved.export')}
          title={t('analysis.saved.exportHint')}
          onChange={(e) => e.target.value && void exportRun(id, e.target.value as RunExportFormat)}
        >
          <option value="">{t('analysis.saved.export')}</option>
          {RUN_EXPORT_FORMATS.map((f) => <option key={f.id} value={f.id}>{t(`analysis.saved.formats.${f.id}`)}</option>)}
        </select>
        <button type="button" className="button small danger" data-testid={`analysis-run-delete-${id}`} disabled={busy || readOnly} onClick={() => void deleteRun(id)}>{t('analysis.saved.delete')}</button>
      </div>
    </li>
  );
}
