/**
 * The close button's label of the popup and floating modes' dialog, in every language: a module
 * of its own so that it travels with the dialog's chunk, not in the element's file (the opener's
 * words are in `locales.ts`).
 */
import type { Locale } from './locales.js';
export const CLOSE_LABELS = {
  de: 'Schließen',
  en: 'Close',
  tr: 'Kapat',
} as const satisfies Record<Locale, string>;
