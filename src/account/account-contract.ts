/** What the root's account slot and the loaded account know of each other. */
import type { ReactiveControllerHost } from 'lit';
import type { LoginSettings } from '../auth/login-client.js';
import type { Booking } from '../booking/booking-model.js';
import type { BackendClient } from '../element/backend-client.js';
import type { Locale } from '../i18n/locale.js';
import type { CoreMessages } from '../i18n/messages.js';

/**
 * What the root renders for the account. The root has the first steps' catalogue only; the
 * account completes it for its own views.
 */
export interface AccountArea {
  /** The patient's appointments are shown (not the booking flow). */
  readonly shown: boolean;
  screenName(t: CoreMessages): string;
  renderBar(t: CoreMessages): unknown;
  /** The header's back button, where the screen has none of its own. */
  renderBack(t: CoreMessages): unknown;
  renderNotice(t: CoreMessages): unknown;
  renderScreen(t: CoreMessages, locale: Locale): unknown;
}

/** The root's side, for announcing account screens and moving focus. */
export interface RootHooks {
  /** The current catalogue (its first part); null while it loads. */
  messages(): CoreMessages | null;
  /** The language of that catalogue. */
  locale(): Locale;
  announce(text: string): void;
  /** Focus to the current step's heading (once its view is there). */
  focusStep(): void;
}

export interface AccountContext {
  host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  wiring: BackendClient;
  /** The login's settings, from the backend's configuration. */
  login: LoginSettings;
  booking: Booking;
  hooks: RootHooks;
}

/** The loaded account, as `root-account.ts` makes it. */
export interface LoadedAccount extends AccountArea {
  readonly signedIn: boolean;
  /** Signs in through `popup`, opened already in the click (null: the browser blocked it). */
  login(popup: Window | null): void;
  /** Loads what the current screen shows (before each render). */
  ensureScreenData(): void;
  /** Signs out and lets go of the host (the widget is set up anew). */
  dispose(): void;
}
