import { useT } from '../i18n/use-t.ts';
import { cancelDialog } from './dialogs.ts';
import { Modal } from './Modal.tsx';
import { useApp } from './state.ts';

export function AboutDialog() {
  const { t } = useT();
  const info = useApp((s) => s.appInfo);
  return (
    <Modal
      title={t('about.title')}
      testId="about-dialog"
      onCancel={cancelDialog}
      footer={<button type="button" className="button primary" onClick={cancelDialog}>{t('common.close')}</button>}
    >
      <h3 className="about-name">{t('app.name')}</h3>
      <p>{t('about.description')}</p>
      <p className="muted">{t('about.offline')}</p>
      <p className="muted">{t('about.demoData')}</p>
      {info && <p className="muted">{t('about.version', { version: info.version, mode: t(`status.mode.${info.mode}`) })}</p>}
    </Modal>
  );
}
