import { useMemo, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { currentLanguage, i18n, subscribeLanguage, type Language } from './i18n.ts';

/** The translate function for the current UI language; re-renders the caller when it changes. */
export function useT(): { t: TFunction; lang: Language } {
  const lang = useSyncExternalStore(subscribeLanguage, currentLanguage);
  const t = useMemo(() => i18n.getFixedT(lang), [lang]);
  return { t, lang };
}
