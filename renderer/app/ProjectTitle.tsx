import { useEffect } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useApp } from './state.ts';

/** The open project's name and path, with the demo-data and read-only badges; also sets the window title. */
export function ProjectTitle() {
  const { t } = useT();
  const project = useApp((s) => s.project);
  const appName = t('app.name');

  useEffect(() => {
    document.title = project ? `${project.name} — ${appName}` : appName;
  }, [project, appName]);

  if (!project) return <div className="project-title muted">{t('project.none')}</div>;
  return (
    <div className="project-title" data-testid="project-title">
      <span className="project-name" data-testid="project-name">{project.name}</span>
      {project.demo && (
        <span className="badge badge-demo" data-testid="demo-badge" title={t('project.demoHint')}>
          {t('project.demoBadge')}
        </span>
      )}
      {project.readOnly && <span className="badge badge-readonly" data-testid="readonly-badge">{t('project.readOnly')}</span>}
      <span className="project-path" data-testid="project-path" title={project.path}>{project.path}</span>
    </div>
  );
}
