/**
 * The root's catalogue: the first step's part of the shown language, set on the first connect and
 * again when `locale` changes. Until then `messages` is null and the root shows a skeleton
 * without text.
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
  private loading: Locale | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: { loaded(): void },
  ) {}

  /** Loads `locale`'s part, unless it is shown or on its way. */
  load(locale: Locale): void {
    if (locale === this.locale || locale === this.loading) return;
    this.loading = locale;
    void loadCoreMessages(locale).then((messages) => {
      if (this.loading !== locale) return;
      this.loading = null;
      this.locale = locale;
      this.messages = messages;
      this.host.requestUpdate();
      this.on.loaded();
    });
  }
}
