import i18next, { type i18n as I18n } from 'i18next';
import zh from './zh.json';
import en from './en.json';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** localStorage key remembering the UI language across runs. */
export const LANGUAGE_STORAGE_KEY = 'renewal-atlas.language';

/** The UI's i18next instance (its own, so nothing else on the page can change it). */
export const i18n: I18n = i18next.createInstance();

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyToDocument(lang: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** Initialises i18next synchronously with both resources; Chinese unless English was chosen before. */
export function initI18n(lang: Language = storedLanguage()): I18n {
  if (!i18n.isInitialized) {
    void i18n.init({
      resources: { zh: { translation: zh }, en: { translation: en } },
      lng: lang,
      fallbackLng: 'zh',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  }
  applyToDocument(lang);
  return i18n;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Switches the UI language and remembers the choice. */
export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the switch still applies for this run
  }
  applyToDocument(lang);
  void i18n.changeLanguage(lang);
}

/** Subscribes to language changes (for useSyncExternalStore). */
export function subscribeLanguage(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}
