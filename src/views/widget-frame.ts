/**
 * The pieces of the widget's frame around the current step (styled by the root's styles): the
 * skeleton before the first step, the step count with the back button, the sign-in bar's reserved
 * place and the practice's phone number.
 */
import { html, nothing } from 'lit';
import { isSkipped, previousStep, STEPS, type BookingState } from '../booking/steps.js';
import type { CoreMessages } from '../i18n/messages.js';

/** A busy skeleton of a step, while the strings or the flow's first state are on their way. */
export function waitingSkeleton() {
  return html`<section class="waiting" aria-busy="true">
    <span class="skeleton title"></span><span class="skeleton"></span><span class="skeleton"></span
    ><span class="skeleton"></span>
  </section>`;
}

/** "Step n of m" (not on the confirmation) and the back button (not while booking). */
export function stepProgress(t: CoreMessages, s: BookingState, back: () => void) {
  const shown = STEPS.filter((step) => step !== 'confirmed' && !isSkipped(step, s.preset));
  const sending = s.step === 'details' && s.submission?.status === 'sending';
  return html`
    ${
      s.step === 'confirmed'
        ? nothing
        : html`<p class="progress">${t.widget.stepOf(shown.indexOf(s.step) + 1, shown.length)}</p>`
    }
    ${
      previousStep(s) && !sending
        ? html`<button class="back" type="button" @click=${back}>${t.common.back}</button>`
        : nothing
    }
  `;
}

/**
 * While the sign-in bar may come (login offered or not known yet; its code comes after the first
 * screen), its place: the same prompt and button, invisible and out of the tab order, so nothing
 * below moves when it comes (a tap aimed at an insurance would land beside it).
 */
export function reservedSignIn(t: CoreMessages) {
  return html`<div class="sign-in-bar reserved" aria-hidden="true">
    <p>${t.login.signInPrompt}</p>
    <button type="button" tabindex="-1" disabled>${t.login.signIn}</button>
  </div>`;
}

/**
 * The practice's phone number as a `tel:` link, under every step: the answer wherever a message
 * says to call the practice.
 */
export function phoneLine(t: CoreMessages, phone: string) {
  const dial = phone.replace(/[^+0-9]/g, '');
  return html`<p class="phone">${t.widget.callPractice} <a href="tel:${dial}">${phone}</a></p>`;
}
