import { deCore } from './de-core.js';
import { enCore } from './en-core.js';
import type { Locale } from './locale.js';
import type { CoreMessages } from './messages.js';

/**
 * The first step's part of a locale's catalogue. Both languages' parts come with the element
 * (about 1 KB gzip each; docs/architecture.md says why); the later steps and the account bring
 * their own parts (`steps/booking-steps.ts`, `account/create-account.ts`).
 */
export function loadCoreMessages(locale: Locale): Promise<CoreMessages> {
  return Promise.resolve(locale === 'en' ? enCore : deCore);
}
