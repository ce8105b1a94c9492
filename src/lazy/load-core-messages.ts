/**
 * Each language's first-step strings. German and English come with the element (about 1 KB gzip
 * each: a file of their own would be one more round trip before the first screen); every other
 * language is a small file of its own, fetched when the widget shows that language.
 */
import type { Locale } from '../contract/locales.js';
import { deCore } from '../i18n/de-core.js';
import { enCore } from '../i18n/en-core.js';
import type { CoreMessages } from '../i18n/messages.js';
import { once } from './once.js';

const CORE_MESSAGES: Record<Locale, CoreMessages | (() => Promise<CoreMessages>)> = {
  de: deCore,
  en: enCore,
  tr: once(() => import('../i18n/tr-core.js').then((m) => m.trCore)),
};

export async function loadCoreMessages(locale: Locale): Promise<CoreMessages> {
  const part = CORE_MESSAGES[locale];
  return typeof part === 'function' ? part() : part;
}
