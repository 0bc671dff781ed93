import { useT } from '../i18n/use-t.ts';
import { Modal } from './Modal.tsx';
import { useApp } from './state.ts';

/** The modal message box (errors, confirmations): translated text, the host's English message as detail. */
export function MessageBox() {
  const { t } = useT();
  const message = useApp((s) => s.message);
  if (!message) return null;
  return (
    <Modal
      title={message.title}
      testId="message-box"
      className={`message-box tone-${message.tone}`}
      onCancel={() => message.resolve(null)}
      footer={message.buttons.map((b) => (
        <button
          key={b.id}
          type="button"
          className={`button${b.primary ? ' primary' : ''}`}
          data-testid={`message-box-${b.id}`}
          autoFocus={b.primary}
          onClick={() => message.resolve(b.id)}
        >
          {b.label}
        </button>
      ))}
    >
      {message.body && <p className="message-body" data-testid="message-body">{message.body}</p>}
      {message.detail && (
        <details className="message-detail" open>
          <summary>{t('errors.detail')}</summary>
          <pre data-testid="message-detail">{message.detail}</pre>
        </details>
      )}
    </Modal>
  );
}
