import { de } from './de.js';
import { en } from './en.js';
import type { Locale } from './locale.js';
import type { Messages } from './messages.js';

export type { Locale } from './locale.js';
export { LOCALES, resolveLocale, toLocale } from './locale.js';
export type { ErrorMessages, Gender, Messages, StepKey } from './messages.js';
export { GENDERS, STEP_KEYS } from './messages.js';
export { createFormat } from './format.js';
export type { Format, DayLabel } from './format.js';

const catalogues: Record<Locale, Messages> = { de, en };

/** The catalogue for a locale (both are tiny and bundled statically). */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
