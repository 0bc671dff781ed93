import type { MenuCommand } from '../../shared/api/contract.ts';
import { useAnalysis } from '../analysis/analysis-store.ts';
import { Icon, type IconName } from '../app/icons.tsx';
import { ProjectTitle } from '../app/ProjectTitle.tsx';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import { handleMenuCommand } from './handle-menu-command.ts';

function ToolButton(props: { icon: IconName; label: string; testId: string; cmd: MenuCommand; disabled?: boolean; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={props.testId}
      title={props.label}
      disabled={props.disabled}
      aria-pressed={props.pressed}
      onClick={() => void handleMenuCommand(props.cmd)}
    >
      <Icon name={props.icon} />
      <span>{props.label}</span>
    </button>
  );
}

/** The toolbar under the menu: the most used commands, the project's title and the language switch. */
export function Toolbar() {
  const { t, lang } = useT();
  const hasProject = useApp((s) => s.project !== null);
  const layerPanelOpen = useApp((s) => s.layerPanelOpen);
  const tableOpen = useApp((s) => s.tableOpen);
  const analysisOpen = useAnalysis((s) => s.open);
  const writable = useApp((s) => s.project !== null && !s.project.readOnly);
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <div className="toolbar" role="toolbar">
      <ToolButton icon="newFile" label={t('toolbar.new')} testId="tool-new" cmd={{ type: 'newProject' }} />
      <ToolButton icon="open" label={t('toolbar.open')} testId="tool-open" cmd={{ type: 'openProject' }} />
      <ToolButton icon="save" label={t('toolbar.saveAs')} testId="tool-save-as" cmd={{ type: 'saveProjectAs' }} disabled={!hasProject} />
      <span className="toolbar-sep" />
      <ToolButton icon="import" label={t('toolbar.import')} testId="tool-import" cmd={{ type: 'importData' }} disabled={!writable} />
      <ToolButton icon="export" label={t('toolbar.export')} testId="tool-export" cmd={{ type: 'exportData' }} disabled={!hasProject} />
      <span className="toolbar-sep" />
      <ToolButton icon="zoomAll" label={t('toolbar.zoomAll')} testId="zoom-all" cmd={{ type: 'zoomAll' }} disabled={!hasProject} />
      <ToolButton icon="layers" label={t('toolbar.layers')} testId="toggle-layer-panel" cmd={{ type: 'toggleLayerPanel' }} pressed={layerPanelOpen} />
      <ToolButton icon="table" label={t('toolbar.attributeTable')} testId="toggle-attribute-table" cmd={{ type: 'toggleAttributeTable' }} disabled={!hasProject} pressed={tableOpen} />
      <ToolButton icon="target" label={t('analysis.toolButton')} testId="tool-analysis" cmd={{ type: 'toggleAnalysisPanel' }} pressed={analysisOpen} />
      <span className="toolbar-sep" />
      <ProjectTitle />
      <button
        type="button"
        className="tool-button lang-toggle"
        data-testid="lang-toggle"
        title={t('toolbar.languageTitle')}
        onClick={() => void handleMenuCommand({ type: 'setLanguage', language: other })}
      >
        <Icon name="globe" />
        <span>{t(`language.${other}`)}</span>
      </button>
    </div>
  );
}
