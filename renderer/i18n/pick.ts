import type { Bilingual } from '../../shared/layers/index.ts';
import type { Language } from './i18n.ts';

/** The text of a registry {zh,en} pair in the UI language. */
export function pick(text: Bilingual, lang: Language): string {
  return lang === 'en' ? text.en : text.zh;
}
