/**
 * The account's place in the root: the "Sign in" bar until the first click, which loads the
 * account (`create-account.ts`, through `lazy/`) and the login library beside it, then the loaded
 * account's parts. The popup opens in the click itself, before anything is awaited, so popup
 * blockers see the patient's gesture.
 */
import { ApiError, ERROR_CODES } from '../api/errors.js';
import { openLoginWindow } from '../auth/popup.js';
import { publicError } from '../booking/public-error.js';
import { emit } from '../contract/events.js';
import { errorMessage, type CoreMessages } from '../i18n/messages.js';
import { loadAccount } from '../lazy/load-account.js';
import { loadLogin } from '../lazy/load-login.js';
import type { AccountContext, LoadedAccount } from './account-contract.js';
import { accountBar } from './bar.js';

export class AccountSlot {
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
   * the steps' code that the account uses.
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
    if (popup) loadLogin().catch(() => {});
    // The account code uses the steps' code too (rescheduling picks a time): fetched beside it.
    void this.context.booking.loadFlow();
    loadAccount()
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
