import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { CoreMessages, Messages } from '../../i18n/messages.js';
import { StepView } from '../shared/step-view.js';
import type { AccountView } from '../shared/view-events.js';

/** Where the patient's sign-in stands. */
export type SignInStatus = 'signed-out' | 'signing-in' | 'signed-in';

/**
 * @summary A compact bar above the steps: "Sign in" for patients of the practice, or, when
 * signed in, their name, the switch between booking and their appointments, and "Sign out".
 * Not a step: it has no heading.
 *
 * Signed out and signing in share one button, so keyboard focus stays on it from "Sign in"
 * through "Signing in …" to "Try again". An `error` equal to `t.login.sessionExpired` (or
 * `t.errors.unauthorized`) offers "Sign in again", any other "Try again".
 *
 * @fires pb-login - "Sign in" / "Try again" / "Sign in again"; dispatched synchronously inside
 *   the click handler, so a listener may open the login popup (user activation is still valid)
 * @fires pb-show - `{ view }`: "Book an appointment" / "My appointments" (also when active)
 * @fires pb-logout - "Sign out"
 *
 * @csspart bar - the whole bar
 * @csspart sign-in - the sign-in button
 * @csspart error - the sign-in error (role=alert)
 * @csspart sign-out - the sign-out button
 */
@customElementOnce('pb-account-bar')
export class PbAccountBar extends StepView<CoreMessages> {
  /** The first step's part of the catalogue (named here for the template checker). */
  declare t: CoreMessages;

  static override styles = [
    StepView.styles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 0.75em;
        padding: 0.5em 0 0.75em;
        border-bottom: 1px solid var(--_border);
        font-size: 0.95em;
      }
      .bar p {
        margin: 0;
      }
      .text {
        flex: 1 1 10em;
        min-width: 0;
      }
      .bar .alert {
        flex: 1 1 100%;
        margin: 0;
      }
      .hint {
        flex: 1 1 100%;
      }
      .hint:empty {
        display: none;
      }
      nav {
        display: flex;
        flex: 1 1 100%;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      nav button {
        /* Side by side when both labels fit whole, else one per row (no word broken mid-way). */
        flex: 1 1 max-content;
        padding-inline: 0.5em;
        border-color: var(--_border);
        color: var(--_text);
        font-weight: 400;
      }
      nav button[aria-current='page'] {
        border-color: var(--_accent);
        background: var(--_tint);
        color: var(--_accent);
        font-weight: 600;
        box-shadow: inset 0 -3px 0 var(--_accent);
      }
      button[part~='sign-in'],
      button[part~='sign-out'] {
        flex: 0 0 auto;
        max-width: 100%;
      }
      /* Signed out, the offer is quiet: a line with a link-like button, no rule under it. */
      :host([status='signed-out']) .bar {
        border-bottom: none;
        padding-bottom: 0;
        margin-bottom: 0.75em;
      }
      button.quiet {
        border-color: transparent;
        background: none;
        color: var(--_accent);
        text-decoration: underline;
        text-underline-offset: 0.15em;
        padding-inline: 0.25em;
      }
    `,
  ];

  /** Where the sign-in stands. */
  @property({ reflect: true }) status: SignInStatus = 'signed-out';

  /** The patient's display name (signed in). */
  @property() name?: string;

  /** Which top-level view is shown; its navigation button is `aria-current="page"`. */
  @property() view: AccountView = 'booking';

  /** A sign-in problem (popup blocked or closed, login denied, session expired). */
  @property() error?: string;

  /** Focus to the sign-in button (the root hands focus over from its stand-in, `account/bar.ts`). */
  focusSignIn(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="sign-in"]')?.focus(),
    );
  }

  private onLogin = (): void => {
    if (this.status === 'signing-in') return;
    this.emit('pb-login', {});
  };

  private onLogout = (): void => this.emit('pb-logout', {});

  private show(view: AccountView): () => void {
    return () => this.emit('pb-show', { view });
  }

  override render() {
    if (!this.t) return nothing;
    return html`<div class="bar" part="bar">
      ${this.status === 'signed-in' ? this.renderSignedIn() : this.renderSignedOut()}
    </div>`;
  }

  private renderError(): TemplateResult | typeof nothing {
    if (!this.error || this.status === 'signing-in') return nothing;
    return html`<div class="alert" part="error" role="alert"><p>${this.error}</p></div>`;
  }

  /** The whole catalogue, once the account has completed the root's first part (signed in). */
  private get complete(): Messages | null {
    return 'account' in this.t ? (this.t as Messages) : null;
  }

  private get retryLabel(): string {
    const again = this.complete?.login;
    const expired = !!again && this.error === again.sessionExpired;
    return again && (expired || this.error === this.t.errors.unauthorized)
      ? again.signInAgain
      : this.t.login.tryAgain;
  }

  private renderSignedOut(): TemplateResult {
    const t = this.t.login;
    const busy = this.status === 'signing-in';
    const showError = !!this.error && !busy;
    return html`${this.renderError()}
      ${showError ? nothing : html`<p class="text" part="prompt">${t.signInPrompt}</p>`}
      <button
        type="button"
        class=${busy ? '' : 'quiet'}
        part="sign-in"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby="hint"
        @click=${this.onLogin}
      >
        ${busy ? t.signingIn : showError ? this.retryLabel : t.signIn}
      </button>
      <p id="hint" class="hint muted" part="hint" role="status">
        ${busy ? t.signingInHint : nothing}
      </p>`;
  }

  private renderSignedIn(): TemplateResult | typeof nothing {
    const t = this.complete;
    if (!t) return nothing;
    const a = t.account;
    const navButton = (view: AccountView, label: string) =>
      html`<button
        type="button"
        part="nav-button"
        aria-current=${this.view === view ? 'page' : 'false'}
        @click=${this.show(view)}
      >
        ${label}
      </button>`;
    return html`${this.renderError()}
      ${
        this.error
          ? html`<button type="button" class="primary" part="sign-in" @click=${this.onLogin}>
              ${this.retryLabel}
            </button>`
          : nothing
      }
      <p class="text" part="user">${t.login.signedInAs(this.name)}</p>
      <button type="button" part="sign-out" @click=${this.onLogout}>${t.login.signOut}</button>
      <nav part="nav" aria-label=${a.nav}>
        ${navButton('booking', a.book)} ${navButton('appointments', a.appointments)}
      </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-account-bar': PbAccountBar;
  }
}
