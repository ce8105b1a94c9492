/**
 * The languages the widget speaks: one entry each, the only list of them. Adding a language is
 * its catalogue files (`src/i18n/xx-core.ts`, `xx-steps.ts`, `xx-account.ts`, `xx.ts`) and one
 * entry here; the compiler then names each map that needs the new language's part
 * (CONTRIBUTING.md, "Add a language").
 */
export const LOCALE_REGISTRY = {
  /** Dates and times: day-month order and a 24 h clock, as a German practice expects. */
  de: { intl: 'de-DE' },
  en: { intl: 'en-GB' },
  tr: { intl: 'tr-TR' },
} as const satisfies Record<string, { intl: string }>;

export type Locale = keyof typeof LOCALE_REGISTRY;

export const LOCALES = Object.keys(LOCALE_REGISTRY) as Locale[];

export const DEFAULT_LOCALE: Locale = 'de';

/** `de`, `de-DE`, `EN-gb`, ` tr_TR ` → the matching {@link Locale}; anything else → undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === primary);
}

/**
 * The titles of `embed.html`'s page (`page`) and of the iframe embed.js makes (`frame`), for the
 * standalone embed scripts only (the build writes them in; `src/embed/locales.ts`).
 */
export const FRAME_TITLES = {
  de: { page: 'Termin buchen', frame: 'Terminbuchung' },
  en: { page: 'Book an appointment', frame: 'Appointment booking' },
  tr: { page: 'Randevu alın', frame: 'Randevu alma' },
} as const satisfies Record<Locale, { page: string; frame: string }>;

/**
 * The popup and floating modes' words, in every language at once: the opener's default label
 * (`button-label` overrides it) in the element's own file, since the button shows before any
 * other file may load. The dialog's close button's words are in `dialog-labels.ts` (a module of
 * the dialog's chunk). embed.js has both, for the iframe's dialog on the host page
 * (`__PB_LAUNCHER__`, written in by the build).
 */
export const OPEN_LABELS = {
  de: 'Termin buchen',
  en: 'Book an appointment',
  tr: 'Randevu alın',
} as const satisfies Record<Locale, string>;
