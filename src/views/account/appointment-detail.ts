import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query } from 'lit/decorators/query.js';
import { property, state } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Appointment, Availability, Location } from '../../api/types.js';
import { createFormat, type Format } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import {
  accountStyles,
  busyButton,
  isActive,
  KeepFocus,
  placeText,
  startText,
  statusBadge,
  type DetailBusy,
} from './account-parts.js';
import { renderAsapPanel } from './asap-panel.js';
import { renderCancelDialog } from './cancel-dialog.js';
import { renderVideoJoin } from './video-join.js';
import { detailStyles } from './detail-styles.js';
import { calendarEvent, calendarLink } from './detail-calendar.js';
import { IcsFile } from '../shared/ics-file.js';
import { errorAlert } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import { formatAddress, summaryList, summaryStyles } from '../shared/summary-list.js';

export type { DetailBusy } from './account-parts.js';

/**
 * @summary One appointment of a signed-in patient: when, how long, where, status; and what can
 * be done with it: reschedule, cancel (after a confirmation dialog), the ASAP list for an
 * earlier time, joining a video consultation, a calendar file (.ics; after a move, in the notice),
 * and "Book this again" for any appointment. Times are shown in the clinic's zone.
 *
 * Actions show only for a confirmed appointment that has not started. While `busy` names an
 * action its button is `aria-busy` and every action button is `aria-disabled` (clicks ignored;
 * focus stays). If an update removes the focused button, focus moves to the heading.
 *
 * @fires pb-back - "Back to my appointments"
 * @fires pb-reschedule - "Reschedule"
 * @fires pb-cancel - "Yes, cancel" in the confirmation dialog (never without it)
 * @fires pb-asap-subscribe - `{ email }`: join the ASAP list (a valid address only)
 * @fires pb-asap-unsubscribe - "Leave the list"
 * @fires pb-asap-check - "Check for an earlier time now"
 * @fires pb-asap-take - `{ availabilityId }`: move to the offered earlier time
 * @fires pb-video - "Join video consultation"; dispatched synchronously inside the click
 * @fires pb-book-again - "Book this again"
 *
 * @csspart heading - the heading (the appointment type)
 * @csspart error - the error box (role=alert)
 * @csspart summary - when / duration / place / status
 */
@customElementOnce('pb-appointment-detail')
export class PbAppointmentDetail extends StepView {
  static override styles = [StepView.styles, summaryStyles, accountStyles, detailStyles];

  protected readonly keepFocus = new KeepFocus(this, () => this.heading);
  private readonly ics = new IcsFile(this);
  /** When the calendar file was last made (its SEQUENCE): a later one replaces it. */
  private icsVersion = Math.floor(Date.now() / 1000);

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone; every time is shown in it. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** The appointment (required). */
  @property({ attribute: false }) appointment!: Appointment;

  /** The full location (with address) when the appointment's own is partial. */
  @property({ attribute: false }) location?: Location;

  /** The action under way, or null. */
  @property() busy: DetailBusy = null;

  /** An error (role=alert). */
  @property() error?: string;

  /** A notice after an action (role=status), e.g. "Your appointment has been cancelled." */
  @property() notice?: string;

  /** Result of an ASAP check: undefined = not checked, null = none, else the earlier time. */
  @property({ attribute: false }) asapOffer: Availability | null | undefined;

  /** The appointment type has an ASAP list (shows the earlier-appointment block). */
  @property({ type: Boolean, attribute: 'asap-enabled' }) asapEnabled = false;

  /** Prefill of the ASAP email field. */
  @property({ attribute: 'asap-email' }) asapEmail?: string;

  /** The practice's name, for the calendar entry's title. */
  @property({ attribute: false }) institutionName?: string;

  /** The notice is the one after a move: it offers the calendar file with the new time. */
  @property({ type: Boolean }) moved = false;

  @state() private email = '';
  @state() private emailError = '';
  private emailEdited = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~="heading"]') private heading?: HTMLElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('appointment') && changed.get('appointment')?.id !== this.appointment?.id) {
      this.emailEdited = false;
      this.emailError = '';
    }
    if ((changed.has('asapEmail') || changed.has('appointment')) && !this.emailEdited) {
      this.email = this.asapEmail ?? '';
    }
    const ap = this.appointment;
    if (changed.has('moved') && this.moved) this.icsVersion = Math.floor(Date.now() / 1000);
    const place = ap && [placeText(this.t, ap, this.location), this.address(ap)].filter(Boolean);
    this.ics.set(
      ap && this.t && isActive(ap)
        ? calendarEvent(this.t, ap, place.join(', '), this.institutionName, this.icsVersion)
        : null,
    );
  }

  private address(ap: Appointment): string {
    return ap.video ? '' : formatAddress((this.location ?? ap.location)?.address);
  }

  private onBookAgain = (): void => this.emit('pb-book-again', {});

  protected override updated(): void {
    if (this.dialog?.open && !this.canCancel) this.dialog.close();
  }

  private get format(): Format {
    return createFormat(this.locale, this.timeZone);
  }

  private get canCancel(): boolean {
    return !!this.appointment && isActive(this.appointment) && this.appointment.cancelable;
  }

  private onBack = (): void => this.emit('pb-back', {});

  private onReschedule = (): void => {
    if (!this.busy) this.emit('pb-reschedule', {});
  };

  private onVideo = (): void => {
    if (!this.busy) this.emit('pb-video', {});
  };

  private onCancel = (): void => {
    if (!this.busy) this.dialog?.showModal();
  };

  private onKeep = (): void => this.dialog?.close();

  private onConfirmCancel = (): void => {
    this.dialog?.close();
    if (!this.busy) this.emit('pb-cancel', {});
  };

  /** Focus returns to "Cancel appointment" (or the heading once that is gone). */
  private onDialogClose = (): void => {
    const cancel = this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]');
    (cancel ?? this.heading)?.focus();
  };

  private onEmail = (e: Event): void => {
    this.email = (e.target as HTMLInputElement).value;
    this.emailEdited = true;
    if (this.emailError) this.emailError = '';
  };

  private onSubscribe = (e: SubmitEvent): void => {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#asap-email');
    const email = this.email.trim();
    const d = this.t.details;
    this.emailError = !email
      ? d.required.email
      : input?.validity.typeMismatch
        ? d.invalid.email
        : '';
    if (this.emailError) input?.focus();
    else this.emit('pb-asap-subscribe', { email });
  };

  private onAsapCheck = (): void => {
    if (!this.busy) this.emit('pb-asap-check', {});
  };

  private onAsapLeave = (): void => {
    if (!this.busy) this.emit('pb-asap-unsubscribe', {});
  };

  private onAsapTake = (availabilityId: string): void => {
    if (!this.busy) this.emit('pb-asap-take', { availabilityId });
  };

  override render() {
    const ap = this.appointment;
    if (!this.t || !ap) return nothing;
    const active = isActive(ap);
    return html`<button type="button" class="link back" part="back" @click=${this.onBack}>
        <span aria-hidden="true">‹</span> ${this.t.account.back}
      </button>
      <h2 part="heading" tabindex="-1">${ap.type.name}</h2>
      <div class=${this.notice ? 'notice' : ''} part="notice" role="status">
        ${this.notice ?? nothing}
        ${
          this.notice && this.moved
            ? html`<p>${calendarLink(this.ics.url, this.t.account.movedCalendar)}</p>`
            : nothing
        }
      </div>
      ${this.error ? errorAlert(this.t, this.error) : nothing} ${this.renderSummary(ap)}
      ${renderVideoJoin(this.t, ap, this.busy, this.onVideo)}
      ${active ? this.renderActions(ap) : nothing}
      ${
        active && !(this.notice && this.moved)
          ? html`<p class="calendar">
              ${calendarLink(this.ics.url, this.t.confirmation.addToCalendar)}
            </p>`
          : nothing
      }
      <p class="again">
        <button type="button" part="book-again" @click=${this.onBookAgain}>
          ${this.t.account.bookAgain}
        </button>
      </p>
      ${
        active && this.asapEnabled
          ? renderAsapPanel({
              t: this.t,
              fmt: this.format,
              busy: this.busy,
              subscription: ap.asapSubscription,
              offer: this.asapOffer,
              email: this.email,
              emailError: this.emailError,
              onEmail: this.onEmail,
              onSubscribe: this.onSubscribe,
              onUnsubscribe: this.onAsapLeave,
              onCheck: this.onAsapCheck,
              onTake: this.onAsapTake,
            })
          : nothing
      }
      ${renderCancelDialog(this.t, startText(this.format, ap.startsAt), {
        onClose: this.onDialogClose,
        onKeep: this.onKeep,
        onConfirm: this.onConfirmCancel,
      })}`;
  }

  private renderSummary(ap: Appointment): TemplateResult {
    const a = this.t.account;
    const fmt = this.format;
    const minutes = Math.round((ap.endsAt.getTime() - ap.startsAt.getTime()) / 60_000);
    const address = this.address(ap);
    const place = placeText(this.t, ap, this.location);
    return summaryList(this.t, [
      {
        label: a.when,
        value: html`<span class="line">${fmt.longDate(ap.startsAt)}</span>
          <span class="line">${fmt.timeRange(ap.startsAt, ap.endsAt)}</span>`,
      },
      { label: a.duration, value: this.t.common.durationMinutes(minutes) },
      ...(place
        ? [
            {
              label: a.where,
              value: html`<span class="line">${place}</span>
                ${address ? html`<span class="line">${address}</span>` : nothing}`,
            },
          ]
        : []),
      { label: a.status, value: statusBadge(this.t, ap) },
    ]);
  }

  private renderActions(ap: Appointment): TemplateResult {
    const a = this.t.account;
    if (!ap.cancelable && !ap.reschedulable) {
      return html`<p class="muted" part="not-changeable">${a.notChangeable}</p>`;
    }
    return html`<div class="actions">
      ${ap.reschedulable ? busyButton(this.busy, null, a.reschedule, this.onReschedule, 'reschedule') : nothing}
      ${ap.cancelable ? busyButton(this.busy, 'cancel', a.cancel, this.onCancel, 'cancel') : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-appointment-detail': PbAppointmentDetail;
  }
}
