/**
 * The signed-in side of the widget: the patient's session and endpoints, the account controller
 * tied to the booking flow (the profile prefills the booking form; signing out clears it), the
 * parts of the root's template that belong to the account, and what a screen change announces
 * and focuses.
 */
import { html, nothing } from 'lit';
import { patientEndpoints } from '../api/portal-patient.js';
import { withBackendSession } from '../auth/backend-session.js';
import { loadLogin } from '../lazy/load-login.js';
import { openLoginWindow } from '../auth/popup.js';
import { UserSession } from '../auth/session.js';
import { deAccount } from '../i18n/de-account.js';
import { deSteps } from '../i18n/de-steps.js';
import { enAccount } from '../i18n/en-account.js';
import { enSteps } from '../i18n/en-steps.js';
import { trAccount } from '../i18n/tr-account.js';
import { trSteps } from '../i18n/tr-steps.js';
import { completeMessages } from '../i18n/complete.js';
import type { Locale } from '../i18n/locale.js';
import type { AccountMessages, CoreMessages, Messages, StepMessages } from '../i18n/messages.js';
import '../views/account/account-view.js';
import type { AccountContext, LoadedAccount } from './account-contract.js';
import {
  renderAccount,
  renderAccountBar,
  renderAccountNotice,
  screenName,
} from './account-render.js';
import { AccountController } from './controller.js';
import {
  isAppointmentScreen,
  showsAppointments,
  type AccountState,
  type Screen,
} from './machine.js';
import { forgetPatient, prefillBooking, profileToPatient } from './prefill.js';
import { bookAgainPreset } from './returning-patient.js';

export type { AccountArea } from './account-contract.js';

/** The account's and the later steps' parts of the catalogue (rescheduling picks a time). */
const PARTS: Record<Locale, readonly [StepMessages, AccountMessages]> = {
  de: [deSteps, deAccount],
  en: [enSteps, enAccount],
  tr: [trSteps, trAccount],
};

/** The root's first part of the catalogue, completed for the account's views. */
const complete = (t: CoreMessages, locale: Locale): Messages =>
  completeMessages(t, ...PARTS[locale]);

export function createAccount(context: AccountContext): LoadedAccount {
  const { host, wiring, booking, hooks } = context;
  /** The popup the gate opened in the first click; later clicks open their own. */
  let opened: { popup: Window | null } | null = null;
  const settings = context.login;
  const session = new UserSession({
    load: () =>
      loadLogin().then((m) => withBackendSession(m.createLoginClient(settings), settings)),
    onEnded: () => account.send({ type: 'SESSION_ENDED' }),
  });
  wiring.useSession(session);
  const account: AccountController = new AccountController(host, {
    api: patientEndpoints(wiring.http, { userinfoUrl: settings.userinfoEndpoint }),
    session,
    catalogue: booking.data,
    openLogin: () => (opened ? opened.popup : openLoginWindow()),
    onScreenRendered: (s, previous) => void screenRendered(context, account, s, previous),
    onInsurance: (id) => booking.setPatientInsurance(id),
    onBookAgain: (appointment, insuranceId) =>
      void booking.start(bookAgainPreset(appointment, insuranceId)),
    onProfile: (profile, why) => {
      if (profile) prefillBooking(booking, profileToPatient(profile));
      // An expired session keeps what was typed; signing out takes the patient's data away.
      else if (why === 'signedOut') forgetPatient(booking);
      host.requestUpdate();
    },
  });
  const area = areaOf(account);
  const full = (t: CoreMessages) => complete(t, hooks.locale());
  return {
    get shown() {
      return showsAppointments(account.state);
    },
    get signedIn() {
      return account.signedIn;
    },
    screenName: (t) => area.screenName(full(t)),
    renderBar: (t) => area.renderBar(full(t)),
    renderBack: (t) => area.renderBack(full(t)),
    renderNotice: (t) => area.renderNotice(full(t)),
    renderScreen: (t, locale) => area.renderScreen(full(t), locale),
    login(popup) {
      opened = { popup };
      try {
        account.send({ type: 'LOGIN' });
      } finally {
        opened = null;
      }
    },
    ensureScreenData: () => account.ensureScreenData(),
    dispose() {
      session.signOut();
      host.removeController(account);
      if (wiring.session === session) wiring.useSession(null);
    },
  };
}

/** The account's parts of the root's template, for the whole catalogue. */
interface Area {
  screenName(t: Messages): string;
  renderBar(t: Messages): unknown;
  renderBack(t: Messages): unknown;
  renderNotice(t: Messages): unknown;
  renderScreen(t: Messages, locale: Locale): unknown;
}

function areaOf(a: AccountController): Area {
  return {
    screenName: (t) => screenName(t, a),
    renderBar: (t) => renderAccountBar(a, t),
    renderBack: (t) =>
      a.state.screen === 'rescheduleTime'
        ? html`<button class="back" type="button" @click=${() => a.send({ type: 'BACK' })}>
            ${t.common.back}
          </button>`
        : nothing,
    renderNotice: (t) => renderAccountNotice(a, t),
    renderScreen: (t, locale) => renderAccount(a, t, locale),
  };
}

/** What the root renders for the account, as things stand (with the whole catalogue). */
export function renderAccountArea(a: AccountController): Area & { shown: boolean } {
  return { shown: showsAppointments(a.state), ...areaOf(a) };
}

/** After an account screen change: announce it; move focus unless the patient is typing. */
async function screenRendered(
  { host, booking, hooks }: AccountContext,
  a: AccountController,
  s: AccountState,
  previous: Screen,
): Promise<void> {
  const core = hooks.messages();
  if (!core || s.screen === 'signingIn') return;
  const t = complete(core, hooks.locale());
  const shown = showsAppointments(s);
  const fromAppointments = isAppointmentScreen(previous);
  if (shown) hooks.announce(t.widget.stepAnnouncement(screenName(t, a)));
  else if (previous === 'signingIn' && s.screen === 'booking') {
    hooks.announce(t.login.signedInAs());
  } else if (fromAppointments) {
    hooks.announce(t.widget.stepAnnouncement(t.steps[booking.state.step]));
  }
  // The bar's buttons change with the sign-in state: focus on one that is gone goes to the step.
  await host.renderRoot.querySelector('pb-account-bar')?.updateComplete;
  const lost = !(host.renderRoot as ShadowRoot).activeElement;
  if (shown || fromAppointments || lost) hooks.focusStep();
}
