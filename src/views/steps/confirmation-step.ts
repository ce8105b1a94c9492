import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Address } from '../../api/types.js';
import { buildIcs } from '../../time/ics.js';
import { createFormat } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { StepView } from '../shared/step-view.js';
import {
  formatAddress,
  summaryList,
  summaryStyles,
  type SummaryRow,
} from '../shared/summary-list.js';

/** What the confirmation shows (no patient data: it also goes into the .ics file). */
export interface ConfirmationSummary {
  appointmentId: string;
  typeName: string;
  startsAt: Date;
  endsAt: Date;
  locationName?: string;
  address?: Address;
  institutionName?: string;
  video: boolean;
}

/**
 * @summary The booked appointment: date, time and place, an .ics download and "book another".
 *
 * @fires pb-restart - "Book another appointment"
 *
 * @csspart heading - the step heading
 * @csspart summary - the summary list
 */
@customElementOnce('pb-confirmation-step')
export class PbConfirmationStep extends StepView {
  static override styles = [
    StepView.styles,
    summaryStyles,
    css`
      .check {
        color: var(--_accent);
      }
    `,
  ];

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** The booked appointment (required). */
  @property({ attribute: false }) summary?: ConfirmationSummary;

  /** Object URL of the current .ics Blob; revoked when replaced or disconnected. */
  private icsUrl?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.icsUrl) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revoke();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('summary') || changed.has('t') || changed.has('locale') || !this.icsUrl) {
      this.revoke();
      if (this.summary && this.t) {
        const ics = buildIcs({
          uid: `${this.summary.appointmentId}@patient-booking`,
          start: this.summary.startsAt,
          end: this.summary.endsAt,
          summary: this.t.confirmation.calendarTitle(
            this.summary.typeName,
            this.summary.institutionName,
          ),
          location: this.place(),
          now: new Date(),
        });
        this.icsUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
      }
    }
  }

  private revoke(): void {
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    this.icsUrl = undefined;
  }

  private place(): string {
    const s = this.summary;
    if (!s) return '';
    if (s.video) return this.t.common.video;
    return [s.institutionName, s.locationName, formatAddress(s.address)].filter(Boolean).join(', ');
  }

  private onRestart = (): void => this.emit('pb-restart', {});

  override render() {
    const s = this.summary;
    if (!this.t || !s) return nothing;
    const c = this.t.confirmation;
    const r = this.t.review;
    const fmt = createFormat(this.locale, this.timeZone);
    const rows: SummaryRow[] = [
      { label: r.appointment, value: s.typeName },
      {
        label: r.when,
        value: html`<span class="line">${fmt.longDate(s.startsAt)}</span>
          <span class="line">${fmt.timeRange(s.startsAt, s.endsAt)}</span>`,
      },
    ];
    const place = this.place();
    if (place) rows.push({ label: r.where, value: s.video ? r.videoWhere : place });
    return html`<h2 part="heading" tabindex="-1">
        <span class="check" aria-hidden="true">✓</span> ${c.heading}
      </h2>
      <p>${c.thanks}</p>
      ${summaryList(this.t, rows)}
      <p class="muted">${c.emailNote}</p>
      <div class="actions">
        ${
          this.icsUrl
            ? html`<a
                class="button primary"
                part="calendar"
                href=${this.icsUrl}
                download="termin.ics"
                >${c.addToCalendar}</a
              >`
            : nothing
        }
        <button type="button" part="restart" @click=${this.onRestart}>${c.bookAnother}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-confirmation-step': PbConfirmationStep;
  }
}
