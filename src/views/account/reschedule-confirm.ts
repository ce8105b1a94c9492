import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Appointment, Availability } from '../../api/types.js';
import { createFormat } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { errorAlert } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';

/**
 * @summary "Move your appointment?": the appointment's current time and the chosen new time
 * (before → after, in the clinic's zone), "Move appointment" and "Choose another time".
 *
 * @fires pb-confirm - "Move appointment" (not while `submitting`)
 * @fires pb-back - "Choose another time"
 *
 * @csspart heading - the heading
 * @csspart confirm - the "Move appointment" button
 * @csspart error - the error box (role=alert)
 */
@customElementOnce('pb-reschedule-confirm')
export class PbRescheduleConfirm extends StepView {
  static override styles = [
    StepView.styles,
    css`
      .type {
        font-weight: 600;
      }
      .change {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.25em;
        margin: 0 0 1em;
      }
      .time {
        margin: 0;
        padding: 0.75em 1em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .time dt {
        color: var(--_muted);
        font-size: 0.9em;
      }
      .time dd {
        margin: 0;
      }
      .time .line {
        display: block;
      }
      .before dd {
        color: var(--_muted);
        text-decoration: line-through;
      }
      .after {
        border: 2px solid var(--_accent);
        background: var(--_tint);
      }
      .after dd {
        font-weight: 600;
      }
      .arrow {
        justify-self: center;
        color: var(--_muted);
        font-size: 1.25em;
        line-height: 1;
      }
      button[part~='confirm'] {
        flex: 1 1 12em;
      }
    `,
  ];

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone; every time is shown in it. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** The appointment being moved (required). */
  @property({ attribute: false }) appointment!: Appointment;

  /** The chosen new time (required). */
  @property({ attribute: false }) availability!: Availability;

  /** True while the move is sent: the button is busy and clicks are ignored. */
  @property({ type: Boolean }) submitting = false;

  /** An error (role=alert); "Move appointment" tries again. */
  @property() error?: string;

  private onConfirm = (): void => {
    if (!this.submitting) this.emit('pb-confirm', {});
  };

  private onBack = (): void => this.emit('pb-back', {});

  override render() {
    const ap = this.appointment;
    const to = this.availability;
    if (!this.t || !ap || !to) return nothing;
    const a = this.t.account;
    return html`<h2 part="heading" tabindex="-1">${a.moveHeading}</h2>
      ${this.error ? errorAlert(this.t, this.error) : nothing}
      <p class="type">${ap.type.name}</p>
      <div class="change">
        ${this.renderTime('before', a.before, ap.startsAt, ap.endsAt)}
        <span class="arrow" aria-hidden="true">↓</span>
        ${this.renderTime('after', a.after, to.startsAt, to.endsAt)}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="confirm"
          aria-disabled=${this.submitting ? 'true' : 'false'}
          aria-busy=${this.submitting ? 'true' : 'false'}
          @click=${this.onConfirm}
        >
          ${this.submitting ? a.moving : a.move}
        </button>
        <button type="button" part="back" @click=${this.onBack}>${a.otherTime}</button>
      </div>`;
  }

  private renderTime(
    which: 'before' | 'after',
    label: string,
    start: Date,
    end: Date,
  ): TemplateResult {
    const fmt = createFormat(this.locale, this.timeZone);
    return html`<dl class="time ${which}" part=${which}>
      <dt>${label}</dt>
      <dd>
        <span class="line">${fmt.longDate(start)}</span>
        <span class="line">${fmt.timeRange(start, end)}</span>
      </dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-reschedule-confirm': PbRescheduleConfirm;
  }
}
