/**
 * The root's catalogue: the first step's part of the shown language, loaded on demand (beside the
 * guest token on the first connect, and again when `locale` changes, while the old language stays
 * on screen). Until one has loaded, `messages` is null and the root shows a skeleton without text.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadCoreMessages } from './load.js';
import type { Locale } from './locale.js';
import type { CoreMessages } from './messages.js';

export class Catalogue {
  /** The shown language's first part; null until one has loaded. */
  messages: CoreMessages | null = null;
  /** Its language. */
  locale: Locale | null = null;
  /** No language has loaded and the last try failed: the root says so in both languages. */
  failed = false;
  private loading: Locale | null = null;
  /** Not asked for again until the patient says so (`retry`): a lost network is not hammered. */
  private failedLocale: Locale | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: { loaded(): void; failed(error: unknown): void },
  ) {}

  /** Loads `locale`'s part, unless it is shown or on its way. */
  load(locale: Locale): void {
    if (locale === this.locale || locale === this.loading || locale === this.failedLocale) return;
    this.loading = locale;
    loadCoreMessages(locale).then(
      (messages) => {
        if (this.loading !== locale) return;
        this.loading = null;
        this.locale = locale;
        this.messages = messages;
        this.failed = false;
        this.failedLocale = null;
        this.host.requestUpdate();
        this.on.loaded();
      },
      (error: unknown) => {
        if (this.loading !== locale) return;
        this.loading = null;
        this.failedLocale = locale;
        // Reported once, however often it is tried again.
        if (!this.failed) this.on.failed(error);
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /** Tries `locale` again after a failure (the patient's "Try again"). */
  retry(locale: Locale): void {
    this.failedLocale = null;
    this.load(locale);
  }
}
