/**
 * The root element's account wiring, kept out of `patient-booking.ts`: the account controller
 * tied to the booking flow (the profile prefills the booking form; signing out clears it), and
 * the parts of the root's template that belong to the account.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { PatientPortal } from '../api/portal.js';
import type { UserSession } from '../auth/session.js';
import type { BookingController } from '../booking/controller.js';
import type { Locale, Messages } from '../i18n/index.js';
import {
  renderAccount,
  renderAccountBar,
  renderAccountNotice,
  screenName,
} from './account-render.js';
import { AccountController } from './controller.js';
import { showsAppointments, type AccountState, type Screen } from './machine.js';
import { profileToPatient } from './prefill.js';

export function createAccount(
  host: ReactiveControllerHost & HTMLElement,
  api: PatientPortal,
  session: UserSession,
  booking: BookingController,
  onScreenRendered: (state: AccountState, previous: Screen) => void,
): AccountController {
  return new AccountController(host, {
    api,
    session,
    catalogue: booking.data,
    onScreenRendered,
    onProfile: (profile, why) => {
      if (profile) booking.prefill(profileToPatient(profile));
      // An expired session keeps what was typed; signing out takes the patient's data away.
      else if (why === 'signedOut') booking.forgetPatient();
    },
  });
}

/** What the root renders for the account. */
export interface AccountArea {
  /** The patient's appointments are shown (not the booking flow). */
  shown: boolean;
  screenName(t: Messages): string;
  renderBar(t: Messages): unknown;
  /** The header's back button, where the screen has none of its own. */
  renderBack(t: Messages): unknown;
  renderNotice(t: Messages): unknown;
  renderScreen(t: Messages, locale: Locale): unknown;
}

export function renderAccountArea(a: AccountController): AccountArea {
  return {
    shown: showsAppointments(a.state),
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
