import { client } from '../api/runtime.ts';
import { currentLanguage, setLanguage, type Language } from '../i18n/i18n.ts';

/**
 * Switches the UI language: at once in the window (remembered in localStorage), and in the host's
 * settings so Electron's native menu follows and the next start uses it.
 */
export async function changeLanguage(language: Language): Promise<void> {
  setLanguage(language);
  try {
    await client().setLanguage({ language });
  } catch (err) {
    // the window has switched already; only the host's copy of the choice is missing
    console.warn('[language] host did not store the choice', err);
  }
}

/** At start: a language the host remembers wins over this window's own memory. */
export function adoptHostLanguage(language: Language | null | undefined): void {
  if (language && language !== currentLanguage()) setLanguage(language);
}
