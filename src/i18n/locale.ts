import { DEFAULT_LOCALE, toLocale, type Locale } from '../contract/locales.js';

export { DEFAULT_LOCALE, LOCALES, toLocale, type Locale } from '../contract/locales.js';

/**
 * Picks the widget's language: the `locale` attribute, then `<html lang>`, then the browser's
 * preferred languages in order, then German.
 */
export function resolveLocale(
  attr: string | null | undefined,
  documentLang: string | undefined,
  navigatorLanguages: readonly string[],
): Locale {
  return (
    toLocale(attr) ??
    toLocale(documentLang) ??
    navigatorLanguages.map(toLocale).find((l) => l !== undefined) ??
    DEFAULT_LOCALE
  );
}
