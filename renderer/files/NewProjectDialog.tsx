import { useState } from 'react';
import { Modal } from '../app/Modal.tsx';
import type { Template } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';

/** Asks what a new project starts from: the synthetic Jiaxing demo, or nothing. */
export function NewProjectDialog({ resolve }: { resolve: (template: Template | null) => void }) {
  const { t } = useT();
  const [template, setTemplate] = useState<Template>('demo');
  const options: Template[] = ['demo', 'empty'];
  return (
    <Modal
      title={t('newProject.title')}
      testId="new-project-dialog"
      onCancel={() => resolve(null)}
      footer={
        <>
          <button type="button" className="button" onClick={() => resolve(null)}>{t('common.cancel')}</button>
          <button type="button" className="button primary" data-testid="new-project-ok" onClick={() => resolve(template)}>
            {t('newProject.next')}
          </button>
        </>
      }
    >
      <div className="choice-list">
        {options.map((option) => (
          <label key={option} className={`choice${template === option ? ' selected' : ''}`}>
            <input
              type="radio"
              name="template"
              value={option}
              checked={template === option}
              data-testid={`new-project-${option}`}
              onChange={() => setTemplate(option)}
            />
            <span>
              <strong>{t(`newProject.${option}`)}</strong>
              <span className="muted">{t(`newProject.${option}Hint`)}</span>
            </span>
          </label>
        ))}
      </div>
    </Modal>
  );
}
