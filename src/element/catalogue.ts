/**
 * The root's catalogue: the first step's part of the shown language (`lazy/load-core-messages.ts`),
 * set on the first connect and again when `locale` changes. Until then `messages` is null and the root shows a skeleton
 * without text.
 */
import type { ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, type Locale } from '../contract/locales.js';
import type { CoreMessages } from '../i18n/messages.js';
import { loadCoreMessages } from '../lazy/load-core-messages.js';

export class Catalogue {
  /** The shown language's first part; null until one has loaded. */
  messages: CoreMessages | null = null;
  /** Its language. */
  locale: Locale | null = null;
  private loading: Locale | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: { loaded(): void },
  ) {}

  /** Languages whose strings did not arrive (offline): shown in the default language instead. */
  private readonly failed = new Set<Locale>();

  /** Loads `locale`'s part, unless it is shown or on its way. */
  load(wanted: Locale): void {
    const locale = this.failed.has(wanted) ? DEFAULT_LOCALE : wanted;
    if (locale === this.locale || locale === this.loading) return;
    this.loading = locale;
    loadCoreMessages(locale).then(
      (messages) => {
        if (this.loading !== locale) return;
        this.loading = null;
        this.locale = locale;
        this.messages = messages;
        this.host.requestUpdate();
        this.on.loaded();
      },
      () => {
        // German's strings come with the element: this fallback cannot fail in turn.
        this.failed.add(locale);
        if (this.loading === locale) this.loading = null;
        this.load(DEFAULT_LOCALE);
      },
    );
  }
}
