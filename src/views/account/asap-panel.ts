import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Availability } from '../../api/types.js';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { busyButton, startText, type DetailBusy } from './account-parts.js';

/** What the ASAP ("earlier appointment") block of the detail view needs. */
export interface AsapPanel {
  t: Messages;
  fmt: Format;
  busy: DetailBusy;
  /** The subscription's email, or null when not on the list. */
  subscription: { email: string } | null;
  offer: Availability | null | undefined;
  email: string;
  emailError: string;
  onEmail: (e: Event) => void;
  onSubscribe: (e: SubmitEvent) => void;
  onUnsubscribe: () => void;
  onCheck: () => void;
  onTake: (availabilityId: string) => void;
}

/**
 * The ASAP block: on the list (email, "check now", "leave"), or an email form to join it; and
 * the result of a check (a live region): "no earlier time" or the earlier time with "move".
 */
export function renderAsapPanel(p: AsapPanel): TemplateResult {
  const a = p.t.account;
  const offer = p.offer;
  return html`<section class="asap" part="asap" aria-labelledby="asap-heading">
    <h3 id="asap-heading">${a.asapHeading}</h3>
    ${p.subscription ? renderSubscribed(p, p.subscription.email) : renderForm(p)}
    <p class="asap-result" part="asap-result" role="status">
      ${offer === null ? a.noEarlier : offer ? a.earlierFound(startText(p.fmt, offer.startsAt)) : nothing}
    </p>
    ${
      offer
        ? html`<div class="actions">
            ${busyButton(p.busy, 'take', a.asapTake, () => p.onTake(offer.id), 'asap-take', true)}
          </div>`
        : nothing
    }
  </section>`;
}

function renderSubscribed(p: AsapPanel, email: string): TemplateResult {
  const a = p.t.account;
  return html`<p>${a.asapOn(email)}</p>
    <div class="actions">
      ${busyButton(p.busy, 'check', a.asapCheck, p.onCheck, 'asap-check')}
      ${busyButton(p.busy, 'asap', a.asapLeave, p.onUnsubscribe, 'asap-leave')}
    </div>`;
}

function renderForm(p: AsapPanel): TemplateResult {
  const a = p.t.account;
  return html`<p>${a.asapIntro}</p>
    <form part="asap-form" novalidate @submit=${p.onSubscribe}>
      <label for="asap-email">${p.t.details.labels.email}</label>
      <input
        id="asap-email"
        type="email"
        name="email"
        autocomplete="email"
        required
        .value=${live(p.email)}
        aria-invalid=${p.emailError ? 'true' : 'false'}
        aria-describedby=${p.emailError ? 'asap-email-error' : nothing}
        @input=${p.onEmail}
      />
      ${
        p.emailError
          ? html`<p id="asap-email-error" class="field-error" part="field-error">
              ${p.emailError}
            </p>`
          : nothing
      }
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="asap-join"
          aria-disabled=${p.busy ? 'true' : 'false'}
          aria-busy=${p.busy === 'asap' ? 'true' : 'false'}
        >
          ${a.asapJoin}
        </button>
      </div>
    </form>`;
}
