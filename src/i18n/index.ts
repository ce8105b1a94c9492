/**
 * The i18n API in one place, for tests and tools. `messagesFor` holds every whole catalogue;
 * the widget itself loads them in parts (`load.ts`): only the shown language, and only what the
 * current step needs.
 */
import { de } from './de.js';
import { en } from './en.js';
import { tr } from './tr.js';
import type { Locale } from './locale.js';
import type { Messages } from './messages.js';

export type { Locale } from './locale.js';
export { LOCALES, resolveLocale, toLocale } from './locale.js';
export type {
  AccountMessages,
  CoreMessages,
  ErrorMessages,
  Gender,
  Messages,
  StepKey,
  StepMessages,
} from './messages.js';
export { GENDERS, STEP_KEYS } from './messages.js';
export { createFormat } from './format.js';
export type { Format, DayLabel } from './format.js';

const catalogues: Record<Locale, Messages> = { de, en, tr };

/** A locale's whole catalogue. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
