/**
 * The account's stand-in in the main bundle: the "Sign in" bar and nothing else (the bar itself,
 * `<pb-account-bar>`, comes with the account code; until then `bar.ts` renders its stand-in). The
 * account code (machine, controller, the bar and the appointment views, the patient endpoints,
 * the session) is a chunk of its own, `root-account.ts`, loaded on the first "Sign in" click; the
 * login library (oidc-client-ts) loads beside it, not after it. The popup opens in the click
 * itself, before anything is awaited, so popup blockers see the patient's gesture.
 */
import type { ReactiveControllerHost } from 'lit';
import { ApiError, ERROR_CODES } from '../api/errors.js';
import { loadLoginChunk, type LoginSettings } from '../auth/login-client.js';
import { openLoginWindow } from '../auth/popup.js';
import type { BookingController } from '../booking/controller.js';
import { publicError } from '../booking/public-error.js';
import { emit } from '../events.js';
import type { Locale } from '../i18n/locale.js';
import { errorMessage, type CoreMessages } from '../i18n/messages.js';
import type { Wiring } from '../wiring.js';
import { accountBar } from './bar.js';

/**
 * What the root renders for the account. The root has the first steps' catalogue only; the
 * account chunk completes it for its own views.
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
  wiring: Wiring;
  /** The login's settings, from the backend's configuration. */
  login: LoginSettings;
  booking: BookingController;
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

export class AccountGate {
  /** The account code, once the first "Sign in" has loaded it: it renders the account's parts. */
  loaded: LoadedAccount | null = null;
  private loading = false;
  private disposed = false;
  /** The account code failed to load (offline): the bar offers "Try again". */
  private failed: ApiError | null = null;

  constructor(private readonly context: AccountContext) {}

  /** The account bar: the loaded account's, or "Sign in" until then. */
  renderBar(t: CoreMessages): unknown {
    if (this.loaded) return this.loaded.renderBar(t);
    const none = () => {};
    return accountBar(t, {
      status: this.loading ? 'signing-in' : 'signed-out',
      view: 'booking',
      error: this.failed ? errorMessage(t, this.failed.code) : undefined,
      onLogin: () => this.login(),
      onLogout: none,
      onShow: none,
    });
  }

  dispose(): void {
    this.disposed = true;
    this.loaded?.dispose();
  }

  /** The bar's element has replaced its stand-in, whose button had focus: its button takes it. */
  private async handFocusOver(): Promise<void> {
    const { host } = this.context;
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector('pb-account-bar')?.focusSignIn();
  }

  /**
   * Inside the click: the popup first, then side by side the account code, the login code and
   * the steps' chunk that the account code imports.
   */
  private login(): void {
    if (this.loading) return;
    const { host } = this.context;
    const popup = openLoginWindow();
    // The stand-in's button has focus: the element's button takes it over (`bar.ts`).
    const focused = !!(host.renderRoot as ShadowRoot).activeElement?.closest('pb-account-bar');
    this.loading = true;
    this.failed = null;
    host.requestUpdate();
    if (popup) loadLoginChunk().catch(() => {});
    // The account code uses the steps' chunk too (rescheduling picks a time): fetched beside it.
    void this.context.booking.loadFlow();
    import('./root-account.js')
      .then(
        ({ createAccount }) => {
          if (this.disposed) return void popup?.close();
          this.loaded = createAccount(this.context);
          this.loaded.login(popup);
          if (focused) void this.handFocusOver();
        },
        () => {
          popup?.close();
          this.failed = new ApiError('account code failed to load', ERROR_CODES.network);
          emit(host, 'booking-error', publicError(this.failed));
        },
      )
      .finally(() => {
        this.loading = false;
        host.requestUpdate();
      });
  }
}
