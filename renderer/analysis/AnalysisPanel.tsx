import { useEffect } from 'react';
import { Icon } from '../app/icons.tsx';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import './analysis.css';
import { useAnalysis, type AnalysisTab } from './analysis-store.ts';
import { closeAnalysisPanel, setAnalysisTab, syncAnalysisProject } from './panel-actions.ts';
import { ResultTab } from './ResultTab.tsx';
import { SavedRunsTab } from './SavedRunsTab.tsx';
import { SetupTab } from './SetupTab.tsx';

const TABS: AnalysisTab[] = ['setup', 'result', 'saved'];

function Panel() {
  const { t } = useT();
  const tab = useAnalysis((s) => s.tab);
  const runCount = useAnalysis((s) => s.runs?.length ?? null);
  const hasResult = useAnalysis((s) => s.shown !== null);
  return (
    <aside className="analysis-panel" data-testid="analysis-panel" aria-label={t('analysis.title')}>
      <header className="panel-header">
        <h2>{t('analysis.title')}</h2>
        <button type="button" className="icon-button" data-testid="analysis-close" title={t('common.close')} onClick={closeAnalysisPanel}>
          <Icon name="close" size={14} />
        </button>
      </header>
      <nav className="analysis-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`analysis-tab${tab === id ? ' current' : ''}`}
            data-testid={`analysis-tab-${id}`}
            onClick={() => setAnalysisTab(id)}
          >
            {t(`analysis.tabs.${id}`)}
            {id === 'result' && hasResult && <span className="tab-dot" />}
            {id === 'saved' && runCount !== null && <span className="panel-count">{runCount}</span>}
          </button>
        ))}
      </nav>
      <div className="analysis-body" key={tab}>
        {tab === 'setup' && <SetupTab />}
        {tab === 'result' && <ResultTab />}
        {tab === 'saved' && <SavedRunsTab />}
      </div>
    </aside>
  );
}

/**
 * The analysis panel, docked at the right of the map: set up a walking-distance analysis, see its
 * summary card, and the project's saved runs. Always mounted, so the form and results follow the open
 * project even while the panel is hidden; drawn only when open.
 */
export function AnalysisPanel() {
  const open = useAnalysis((s) => s.open);
  const projectKey = useApp((s) => s.projectKey);
  const hasProject = useApp((s) => s.project !== null);
  useEffect(() => {
    syncAnalysisProject();
  }, [projectKey, hasProject]);
  return open ? <Panel /> : null;
}
