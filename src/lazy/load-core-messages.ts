/**
 * Each language's first-step strings. German, the practices' own language, comes with the element;
 * every other language is a small file of its own (about 0.9 KB gzip), fetched when the widget
 * shows that language: the element starts it at once, beside the first screen's data requests on
 * the same connection, so it adds no round trip of its own before the first screen.
 */
import type { Locale } from '../contract/locales.js';
import { deCore } from '../i18n/de-core.js';
import type { CoreMessages } from '../i18n/messages.js';
import { once } from './once.js';

const CORE_MESSAGES: Record<Locale, CoreMessages | (() => Promise<CoreMessages>)> = {
  de: deCore,
  en: once(() => import('../i18n/en-core.js').then((m) => m.enCore)),
  tr: once(() => import('../i18n/tr-core.js').then((m) => m.trCore)),
};

export async function loadCoreMessages(locale: Locale): Promise<CoreMessages> {
  const part = CORE_MESSAGES[locale];
  return typeof part === 'function' ? part() : part;
}
