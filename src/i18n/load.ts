import { deCore } from './de-core.js';
import { enCore } from './en-core.js';
import type { Locale } from './locale.js';
import type { CoreMessages, Messages } from './messages.js';

/**
 * The first step's part of a locale's catalogue. Both languages' parts are in the main file (about
 * 1 KB gzip each): a chunk of its own would be one more request after the script, on the way to
 * the first screen, and on HTTP/1.1 a request beside the first step's data costs a new connection's
 * handshake. The later steps and the account bring their own parts (`step-render-later.ts`,
 * `account/root-account.ts`).
 */
export function loadCoreMessages(locale: Locale): Promise<CoreMessages> {
  return Promise.resolve(locale === 'en' ? enCore : deCore);
}

/** A locale's whole catalogue, loaded on demand (each language a chunk of its own). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? (await import('./en.js')).en : (await import('./de.js')).de;
}
