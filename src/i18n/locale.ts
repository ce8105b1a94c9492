/** The languages the widget speaks. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'de';

/** `de`, `de-DE`, `EN-gb`, ` en_US ` → the matching {@link Locale}; anything else → undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === primary);
}

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
