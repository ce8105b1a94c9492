import { LitElement, css, html, nothing } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Address } from '../../api/types.js';
import { createFormat } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Messages } from '../../i18n/messages.js';
import { FORWARDED_PARTS } from '../shared/forwarded-parts.js';
import { sharedStyles } from '../shared/shared-styles.js';
import {
  formatAddress,
  summaryList,
  summaryStyles,
  type SummaryRow,
} from '../shared/summary-list.js';
import { viewEvent, type EditStep } from '../shared/view-events.js';

/** The choices so far; the time and place once a time is chosen. */
export interface ChoiceSummary {
  typeName: string;
  video: boolean;
  /** Only where the patient chose it (not preselected, not the practice's only one). */
  insuranceName?: string | undefined;
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  locationName?: string | undefined;
  address?: Address | undefined;
}

/**
 * @summary The patient's choices so far (appointment, insurance, time and place), shown above the
 * later steps, each with a "Change" button that leads to where it is chosen.
 *
 * @fires pb-edit - `{ step }` of a "Change" button
 *
 * @csspart summary - the list
 * @csspart edit - a "Change" button
 */
@customElementOnce('pb-choice-summary')
export class PbChoiceSummary extends LitElement {
  static override styles = [
    sharedStyles,
    summaryStyles,
    css`
      :host {
        display: block;
      }
      dl {
        margin-bottom: 1.25em;
      }
      .row {
        padding: 0.375em 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('exportparts', FORWARDED_PARTS);
  }

  /** The message catalogue of the current locale (required). */
  @property({ attribute: false }) t!: Messages;

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** What to show (required). */
  @property({ attribute: false }) summary?: ChoiceSummary;

  /** The type can be changed (the host did not preselect it). */
  @property({ type: Boolean, attribute: 'type-changeable' }) typeChangeable = true;

  /** No "Change" buttons (while the booking is being sent). */
  @property({ type: Boolean }) locked = false;

  private edit(step: EditStep): (() => void) | undefined {
    if (this.locked || (step === 'type' && !this.typeChangeable)) return undefined;
    return () => this.dispatchEvent(viewEvent('pb-edit', { step }));
  }

  override render() {
    if (!this.t || !this.summary) return nothing;
    return html`<section aria-label=${this.t.booking.summary}>
      ${summaryList(this.t, this.rows(this.summary))}
    </section>`;
  }

  private rows(s: ChoiceSummary): SummaryRow[] {
    const b = this.t.booking;
    const rows: SummaryRow[] = [];
    const add = (label: string, value: SummaryRow['value'], step: EditStep) => {
      const onEdit = this.edit(step);
      rows.push(onEdit ? { label, value, onEdit } : { label, value });
    };
    add(
      b.appointment,
      html`${s.typeName}
      ${s.video ? html` <span class="badge">${this.t.common.video}</span>` : nothing}`,
      'type',
    );
    if (s.insuranceName) add(b.insurance, s.insuranceName, 'type');
    if (s.startsAt && s.endsAt) {
      const fmt = createFormat(this.locale, this.timeZone);
      add(
        b.when,
        html`<span class="line">${fmt.longDate(s.startsAt)}</span>
          <span class="line">${fmt.timeRange(s.startsAt, s.endsAt)}</span>`,
        'time',
      );
    }
    const place = s.video
      ? b.videoWhere
      : [s.locationName, formatAddress(s.address)].filter(Boolean).join(', ');
    // The place comes with the time (the time step filters by location); a video has none.
    if (place && s.startsAt && !s.video) add(b.where, place, 'time');
    else if (place) rows.push({ label: b.where, value: place });
    return rows;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-choice-summary': PbChoiceSummary;
  }
}
