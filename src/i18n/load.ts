import type { Locale } from './locale.js';
import type { CoreMessages, Messages } from './messages.js';

/**
 * The first steps' part of a locale's catalogue, loaded on demand: each language is a small chunk
 * of its own, so the page downloads only the language it shows. The later steps and the account
 * bring their own parts (`step-render-later.ts`, `account/root-account.ts`).
 */
export async function loadCoreMessages(locale: Locale): Promise<CoreMessages> {
  return locale === 'en'
    ? (await import('./en-core.js')).enCore
    : (await import('./de-core.js')).deCore;
}

/** A locale's whole catalogue, loaded on demand (each language a chunk of its own). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? (await import('./en.js')).en : (await import('./de.js')).de;
}
