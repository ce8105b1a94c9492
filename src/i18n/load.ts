import type { Locale } from './locale.js';
import type { Messages } from './messages.js';

/**
 * The catalogue for a locale, loaded on demand: each catalogue becomes its own small chunk
 * (about 2 KB gzip), so the page downloads only the language it shows. Use this instead of the
 * synchronous `messagesFor` (which bundles both) when the main chunk must stay small.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? (await import('./en.js')).en : (await import('./de.js')).de;
}
