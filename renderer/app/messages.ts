import { i18n } from '../i18n/i18n.ts';
import { toAtlasError } from '../api/client.ts';
import { appStore, type Message, type MessageButton } from './state.ts';

/** Shows a modal message and resolves with the id of the button pressed (null when dismissed). */
export function showMessage(message: Omit<Message, 'resolve'>): Promise<string | null> {
  return new Promise((resolve) => {
    appStore.get().message?.resolve(null);
    appStore.set({
      message: {
        ...message,
        resolve: (id) => {
          appStore.set({ message: null });
          resolve(id);
        },
      },
    });
  });
}

/**
 * Shows an error readably: the title says what failed (`titleKey`), the body what is wrong, translated
 * from the error's code (i18n `errors.<code>`), and the English message from the data layer as detail.
 */
export async function showError(err: unknown, titleKey = 'errors.title'): Promise<void> {
  const e = toAtlasError(err);
  const t = i18n.t.bind(i18n);
  const ok: MessageButton = { id: 'ok', label: t('common.ok'), primary: true };
  await showMessage({
    tone: 'error',
    title: t(titleKey),
    body: t(`errors.${e.code}`, { ...e.params, defaultValue: t('errors.internal') }),
    detail: e.message,
    buttons: [ok],
  });
}

/** Asks a yes/no question; resolves true when the user confirms. */
export async function confirmAction(title: string, body: string, confirmLabel: string): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  const answer = await showMessage({
    tone: 'warning',
    title,
    body,
    buttons: [
      { id: 'cancel', label: t('common.cancel') },
      { id: 'confirm', label: confirmLabel, primary: true },
    ],
  });
  return answer === 'confirm';
}
