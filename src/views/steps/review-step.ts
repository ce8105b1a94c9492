import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Address, PatientData } from '../../api/types.js';
import { createFormat } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { GENDERS } from '../../i18n/messages.js';
import { errorAlert } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import {
  formatAddress,
  summaryList,
  summaryStyles,
  type SummaryRow,
} from '../shared/summary-list.js';
import type { EditStep } from '../shared/view-events.js';

/** What the review shows. */
export interface ReviewSummary {
  typeName: string;
  startsAt: Date;
  endsAt: Date;
  locationName?: string;
  address?: Address;
  insuranceName?: string;
  video: boolean;
  patient: PatientData;
}

/**
 * @summary The review: everything the booking will send, with "change" buttons per part and the
 * binding "Book now" button.
 *
 * @fires pb-confirm - "Book now" (not while `submitting`)
 * @fires pb-edit - `{ step }` of a "change" button
 * @fires pb-retry - the Retry button after an error
 *
 * @csspart heading - the step heading
 * @csspart summary - the summary list
 * @csspart confirm - the "Book now" button
 * @csspart error - the error box
 */
@customElementOnce('pb-review-step')
export class PbReviewStep extends StepView {
  static override styles = [
    StepView.styles,
    summaryStyles,
    css`
      .binding {
        color: var(--_muted);
      }
      button[part~='confirm'] {
        width: 100%;
      }
    `,
  ];

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** What to show (required). */
  @property({ attribute: false }) summary?: ReviewSummary;

  /** True while the booking is sent: the button is disabled and busy. */
  @property({ type: Boolean }) submitting = false;

  /** A message to show with a Retry button. */
  @property() error?: string;

  private onConfirm = (): void => {
    if (this.submitting) return;
    this.emit('pb-confirm', {});
  };

  private onRetry = (): void => this.emit('pb-retry', {});

  private edit(step: EditStep): () => void {
    return () => this.emit('pb-edit', { step });
  }

  override render() {
    if (!this.t || !this.summary) return nothing;
    const r = this.t.review;
    return html`<h2 part="heading" tabindex="-1">${r.heading}</h2>
      ${this.error ? errorAlert(this.t, this.error, this.onRetry) : nothing}
      ${summaryList(this.t, this.rows(this.summary))}
      <p class="binding">${r.binding}</p>
      <button
        type="button"
        class="primary"
        part="confirm"
        aria-disabled=${this.submitting ? 'true' : 'false'}
        aria-busy=${this.submitting ? 'true' : 'false'}
        @click=${this.onConfirm}
      >
        ${this.submitting ? r.submitting : r.confirm}
      </button>
      <p class="vh" role="status">${this.submitting ? r.submitting : ''}</p>`;
  }

  private rows(s: ReviewSummary): SummaryRow[] {
    const r = this.t.review;
    const fmt = createFormat(this.locale, this.timeZone);
    const place = s.video
      ? r.videoWhere
      : [s.locationName, formatAddress(s.address)].filter(Boolean).join(', ');
    const rows: SummaryRow[] = [
      {
        label: r.appointment,
        value: html`${s.typeName}
        ${s.video ? html` <span class="badge">${this.t.common.video}</span>` : nothing}`,
        onEdit: this.edit('type'),
      },
      {
        label: r.when,
        value: html`<span class="line">${fmt.longDate(s.startsAt)}</span>
          <span class="line">${fmt.timeRange(s.startsAt, s.endsAt)}</span>`,
        onEdit: this.edit('time'),
      },
    ];
    if (place) rows.push({ label: r.where, value: place });
    if (s.insuranceName) {
      rows.push({ label: r.insurance, value: s.insuranceName, onEdit: this.edit('insurance') });
    }
    rows.push({
      label: r.patient,
      value: this.renderPatient(s.patient, s.insuranceName),
      onEdit: this.edit('details'),
    });
    return rows;
  }

  /** The patient's lines; the insurance only where it is not the first step's (shown above). */
  private renderPatient(p: PatientData, insuranceName?: string): TemplateResult {
    const d = this.t.details;
    const fmt = createFormat(this.locale, this.timeZone);
    const name = [p.title, p.first_name, p.last_name].filter(Boolean).join(' ');
    const gender = GENDERS.find((g) => g === p.gender);
    let bornOn = '';
    try {
      bornOn = p.born_on ? fmt.plainDate(p.born_on) : '';
    } catch {
      bornOn = p.born_on ?? '';
    }
    const lines = [
      name,
      p.email,
      // One number asked, sent under both names where the type requires both: shown once.
      p.phone && p.phone !== p.mobile && `${d.labels.phone}: ${p.phone}`,
      p.mobile && `${d.labels.mobile}: ${p.mobile}`,
      bornOn && `${d.labels.born_on}: ${bornOn}`,
      gender && `${d.labels.gender}: ${d.genders[gender]}`,
      p.insurance !== insuranceName && p.insurance && `${d.labels.insurance}: ${p.insurance}`,
    ].filter((l): l is string => !!l);
    return html`${lines.map((l) => html`<span class="line">${l}</span>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-review-step': PbReviewStep;
  }
}
