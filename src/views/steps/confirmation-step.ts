import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Address } from '../../api/types.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../time/calendar-links.js';
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
 * @summary The booked appointment: date, time and place, what happens next (what to bring, how to
 * move or cancel, how a video consultation is joined, directions), calendar entries (an .ics file
 * with a reminder, Google and Outlook links) and "book another".
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
      /* A drawn mark, not the glyph ✓: a glyph comes from a fallback font, which can arrive after
         the first layout and make the heading a few pixels taller then. */
      .check {
        width: 1em;
        height: 1em;
        vertical-align: -0.125em;
        fill: none;
        stroke: var(--_accent);
        stroke-width: 2.25;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      h3 {
        font-size: 1em;
        margin: 1.25em 0 0.5em;
      }
      .next {
        margin: 0;
        padding-inline-start: 1.25em;
      }
      .next li + li {
        margin-top: 0.35em;
      }
      .next a,
      .calendars a {
        color: var(--_accent);
      }
      .calendars {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        margin: 0.75em 0 0;
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
          description: this.nextSteps().join('\n'),
          remindBefore: 'P1D',
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
    // A location named after the practice ("Praxis am Stadtpark – Schöneberg") names it already.
    const named = s.institutionName && s.locationName?.includes(s.institutionName);
    const practice = named ? undefined : s.institutionName;
    return [practice, s.locationName, formatAddress(s.address)].filter(Boolean).join(', ');
  }

  /** What the patient should know now: what to bring, how to move or cancel, how video works. */
  private nextSteps(): string[] {
    const c = this.t.confirmation;
    return this.summary?.video ? [c.videoHow, c.change] : [c.bring, c.change];
  }

  /** The calendar links' event: a neutral title, never the type (it can reveal a condition). */
  private linkEvent() {
    const s = this.summary!;
    return {
      title: this.t.confirmation.neutralTitle(s.institutionName),
      start: s.startsAt,
      end: s.endsAt,
      location: this.place(),
      details: this.nextSteps().join('\n'),
    };
  }

  private directionsUrl(): string | undefined {
    const s = this.summary;
    const address = formatAddress(s?.address);
    if (!s || s.video || !address) return undefined;
    const url = new URL('https://www.openstreetmap.org/search');
    url.searchParams.set('query', address);
    return url.href;
  }

  private onRestart = (): void => this.emit('pb-restart', {});

  override render() {
    const s = this.summary;
    if (!this.t || !s) return nothing;
    const c = this.t.confirmation;
    const r = this.t.booking;
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
        <svg class="check" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2.5 8.5l3.5 3.5 7.5-8" />
        </svg>
        ${c.heading}
      </h2>
      <p>${c.thanks}</p>
      ${summaryList(this.t, rows)}
      <p class="muted">${c.emailNote}</p>
      <h3>${c.nextHeading}</h3>
      <ul class="next">
        ${this.nextSteps().map((line) => html`<li>${line}</li>`)}
        ${
          this.directionsUrl()
            ? html`<li>
                <a href=${this.directionsUrl()!} target="_blank" rel="noopener noreferrer"
                  >${c.directions}</a
                >
              </li>`
            : nothing
        }
      </ul>
      <p class="calendars">
        <a href=${googleCalendarUrl(this.linkEvent())} target="_blank" rel="noopener noreferrer"
          >${c.googleCalendar}</a
        >
        <a href=${outlookCalendarUrl(this.linkEvent())} target="_blank" rel="noopener noreferrer"
          >${c.outlookCalendar}</a
        >
      </p>
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
