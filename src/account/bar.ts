/**
 * The account bar as the root renders it, in one template for both halves of the account code:
 * the slot (signed out, `account-slot.ts`) and the loaded account (`account-render.ts`). One
 * template keeps one `<pb-account-bar>` element across the switch, so focus stays on its button
 * from "Signing in …" to "Try again".
 *
 * Until the element is defined it holds a stand-in in its light DOM: the same prompt and button
 * in the root's styles (`.sign-in-bar`), which the element's shadow root replaces when it is
 * defined; the slot then moves focus from the stand-in's button to the element's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CoreMessages } from '../i18n/messages.js';
import type { SignInStatus } from '../views/account/account-bar.js';
import type { AccountView } from '../views/shared/view-events.js';

export interface BarProps {
  status: SignInStatus;
  name?: string | undefined;
  view: AccountView;
  error?: string | undefined;
  onLogin: () => void;
  onLogout: () => void;
  onShow: (view: AccountView) => void;
}

export function accountBar(t: CoreMessages, p: BarProps): TemplateResult {
  return html`<pb-account-bar
    part="account"
    .t=${t}
    .status=${p.status}
    .name=${p.name}
    .view=${p.view}
    .error=${p.error}
    @pb-login=${p.onLogin}
    @pb-logout=${p.onLogout}
    @pb-show=${(e: CustomEvent<{ view: AccountView }>) => p.onShow(e.detail.view)}
    >${customElements.get('pb-account-bar') ? nothing : standIn(t, p)}</pb-account-bar
  >`;
}

function standIn(t: CoreMessages, p: BarProps): TemplateResult {
  const busy = p.status === 'signing-in';
  return html`<div class="sign-in-bar">
    <p role=${p.error ? 'alert' : nothing}>${p.error ?? t.login.signInPrompt}</p>
    <button type="button" aria-busy=${busy} aria-disabled=${busy} @click=${p.onLogin}>
      ${busy ? t.login.signingIn : p.error ? t.login.tryAgain : t.login.signIn}
    </button>
    <p class="hint" role="status">${busy ? t.login.signingInHint : ''}</p>
  </div>`;
}
