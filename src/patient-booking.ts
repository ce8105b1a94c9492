/**
 * `<patient-booking>`: the root element. Reads its attributes, wires the portal API, the guest
 * token source and the patient session to the booking and account controllers, and renders the
 * sign-in bar and the current step's view (or, signed in, the patient's appointments).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiError } from './api/errors.js';
import type { AccountController } from './account/controller.js';
import { createAccount, renderAccountArea, type AccountArea } from './account/root-account.js';
import {
  isAppointmentScreen,
  showsAppointments,
  type AccountState,
  type Screen,
} from './account/machine.js';
import { BookingController } from './booking/controller.js';
import { previousStep, STEPS, isSkipped, type BookingState } from './booking/machine.js';
import { readConfig } from './config.js';
import { emit } from './events.js';
import { messagesFor, resolveLocale, type Locale, type Messages } from './i18n/index.js';
import { publicError } from './booking/public-error.js';
import { renderStep, type StepView } from './step-render.js';
import { rootStyles } from './styles.js';
import { createWiring } from './wiring.js';
import './views/index.js';
import './views/account.js';

export type { PatientBookingEventMap } from './events.js';

/**
 * Book, reschedule and cancel appointments with a clinic's patient portal.
 *
 * @summary Embeddable appointment booking for medical practices.
 * @fires booking-confirmed - `{appointmentId, startsAt, endsAt, appointmentTypeId, guest}`
 * @fires booking-rescheduled - `{appointmentId, startsAt, endsAt, previousStartsAt}`
 * @fires booking-cancelled - `{appointmentId}`
 * @fires booking-step-change - `{step, previousStep}`
 * @fires booking-error - `{code, message, status?}`
 * @csspart header - Title, progress and back button.
 * @csspart account - The sign-in bar (with `client-id`): sign in, the patient's name, sign out.
 * @csspart notice - Messages above the step (errors, waiting, a taken time).
 * @csspart step - The current step's view.
 * @cssprop --patient-booking-accent - Buttons, links and selection.
 * @cssprop --patient-booking-accent-text - Text on accent backgrounds.
 * @cssprop --patient-booking-text - Body text.
 * @cssprop --patient-booking-muted - Secondary text.
 * @cssprop --patient-booking-surface - Background.
 * @cssprop --patient-booking-border - Borders.
 * @cssprop --patient-booking-danger - Errors.
 * @cssprop --patient-booking-focus-color - Focus rings.
 * @cssprop --patient-booking-radius - Corner radius of the widget.
 * @cssprop --patient-booking-font - Font family.
 * @cssprop --patient-booking-max-width - Widest the widget grows (default 40rem).
 */
export class PatientBooking extends LitElement {
  static override styles = rootStyles;

  private booking: BookingController | null = null;
  private account: AccountController | null = null;
  /** Guests may book (a token server is configured); otherwise only after signing in. */
  private guestAccess = false;
  private bookingStarted = false;
  private preset: BookingState['preset'] = {};
  private waitTimer: ReturnType<typeof setTimeout> | undefined;

  /** Portal origin: OIDC issuer and API host. Required. */
  @property({ attribute: 'portal-url' }) portalUrl: string | null = null;
  /** API base; default `portal-url` + `/api/patient/v1` (or a token server's proxy). */
  @property({ attribute: 'api-url' }) apiUrl: string | null = null;
  /** Token server endpoint for guest tokens: POST → `{access_token, token_type, expires_in}`. */
  @property({ attribute: 'token-url' }) tokenUrl: string | null = null;
  /** OAuth client id for patient login; without it there is no login. */
  @property({ attribute: 'client-id' }) clientId: string | null = null;
  /** Popup callback page, on the same origin as the page. */
  @property({ attribute: 'redirect-url' }) redirectUrl: string | null = null;
  /** `de` or `en`; default `<html lang>`, then the browser, then `de`. */
  @property() locale: string | null = null;
  /** Preselected insurance id: skips the insurance step. */
  @property({ attribute: 'insurance-id' }) insuranceId: string | null = null;
  /** Preselected appointment category id. */
  @property({ attribute: 'appointment-category-id' }) categoryId: string | null = null;
  /** Preselected appointment type id. */
  @property({ attribute: 'appointment-type-id' }) typeId: string | null = null;
  /** `light` or `dark`; default follows the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  @state() private configError: ApiError | null = null;
  @state() private announcement = '';
  @state() private waitingSeconds = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.booking && !this.configError) this.setUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.waitTimer);
  }

  /** Sets the widget up again when a configuration attribute changes after the first set-up. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = [
      'portalUrl',
      'apiUrl',
      'tokenUrl',
      'clientId',
      'redirectUrl',
      'insuranceId',
      'categoryId',
      'typeId',
    ];
    if (this.hasUpdated && keys.some((k) => changed.has(k as keyof PatientBooking))) this.setUp();
    this.startBooking();
    if (this.booking?.started) this.booking.ensureStepData();
    this.account?.ensureScreenData();
  }

  private get activeLocale(): Locale {
    return resolveLocale(this.locale, document.documentElement.lang, navigator.languages ?? []);
  }

  private get t(): Messages {
    return messagesFor(this.activeLocale);
  }

  private setUp(): void {
    if (this.booking) this.removeController(this.booking);
    if (this.account) this.removeController(this.account);
    this.account?.options.session.signOut();
    this.booking = null;
    this.account = null;
    this.bookingStarted = false;
    const result = readConfig(
      {
        portalUrl: this.portalUrl ?? this.getAttribute('portal-url'),
        apiUrl: this.apiUrl,
        tokenUrl: this.tokenUrl,
        clientId: this.clientId,
        redirectUrl: this.redirectUrl,
        insuranceId: this.insuranceId,
        categoryId: this.categoryId,
        typeId: this.typeId,
      },
      location.href,
    );
    if (!result.ok) {
      this.configError = result.error;
      emit(this, 'booking-error', publicError(result.error));
      return;
    }
    this.configError = null;
    const wiring = createWiring(result.config, {
      onWait: (seconds) => this.showWaiting(seconds),
      onSessionEnded: () => this.account?.send({ type: 'SESSION_ENDED' }),
    });
    const session = wiring.session;
    const booking = new BookingController(this, {
      api: wiring.api,
      isGuest: () => !session?.signedIn,
      onStepRendered: (s, initial) => this.stepRendered(s, initial),
    });
    this.booking = booking;
    this.guestAccess = wiring.guestAccess;
    this.preset = result.config.preset;
    this.account = session
      ? createAccount(this, wiring.api, session, booking, (s, previous) => {
          void this.screenRendered(s, previous);
        })
      : null;
    this.startBooking();
  }

  /** The booking flow starts once someone may book: at once for guests, else after signing in. */
  private startBooking(): void {
    if (this.bookingStarted || !this.booking || !this.canBook) return;
    this.bookingStarted = true;
    void this.booking.start(this.preset);
  }

  private get canBook(): boolean {
    return this.guestAccess || !!this.account?.signedIn;
  }

  /** After an account screen change: announce it; move focus unless the patient is typing. */
  private async screenRendered(s: AccountState, previous: Screen): Promise<void> {
    const t = this.t;
    const area = this.accountArea;
    if (!area || s.screen === 'signingIn') return;
    const shown = showsAppointments(s);
    const fromAppointments = isAppointmentScreen(previous);
    if (shown) this.announcement = t.widget.stepAnnouncement(area.screenName(t));
    else if (previous === 'signingIn' && s.screen === 'booking') {
      this.announcement = t.login.signedInAs();
    } else if (fromAppointments && this.booking) {
      this.announcement = t.widget.stepAnnouncement(t.steps[this.booking.state.step]);
    }
    // The bar's buttons change with the sign-in state: focus on one that is gone goes to the step.
    await this.renderRoot.querySelector('pb-account-bar')?.updateComplete;
    const lost = !(this.renderRoot as ShadowRoot).activeElement;
    if (shown || fromAppointments || lost) this.focusStep();
  }

  private focusStep(): void {
    this.renderRoot.querySelector<StepView>('[part~="step"]')?.focusHeading?.();
  }

  private get accountArea(): AccountArea | null {
    return this.account ? renderAccountArea(this.account) : null;
  }

  private showWaiting(seconds: number): void {
    clearTimeout(this.waitTimer);
    this.waitingSeconds = seconds;
    this.waitTimer = setTimeout(() => (this.waitingSeconds = 0), seconds * 1000);
  }

  /** After a step change: announce it and move focus to its heading (not on the first render). */
  private stepRendered(s: BookingState, initial: boolean): void {
    if (this.account && showsAppointments(this.account.state)) return;
    this.announcement = this.t.widget.stepAnnouncement(this.t.steps[s.step]);
    if (initial) return;
    this.focusStep();
  }

  override render() {
    const t = this.t;
    return html`
      <section aria-labelledby="title">
        <header part="header">
          <h1 id="title">${t.widget.title}</h1>
          ${this.accountArea?.shown ? this.accountArea.renderBack(t) : this.renderProgress(t)}
        </header>
        ${this.accountArea?.renderBar(t)} ${this.renderNotices(t)} ${this.renderBody(t)}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  private renderProgress(t: Messages) {
    const s = this.booking?.started ? this.booking.state : null;
    if (!s) return nothing;
    const shown = STEPS.filter((step) => step !== 'confirmed' && !isSkipped(step, s.preset));
    const back = previousStep(s);
    const sending = s.step === 'review' && s.submission?.status === 'sending';
    return html`
      ${
        s.step === 'confirmed'
          ? nothing
          : html`<p class="progress">
              ${t.widget.stepOf(shown.indexOf(s.step) + 1, shown.length)}
            </p>`
      }
      ${
        back && !sending
          ? html`<button
              class="back"
              type="button"
              @click=${() => this.booking?.send({ type: 'BACK' })}
            >
              ${t.common.back}
            </button>`
          : nothing
      }
    `;
  }

  private renderNotices(t: Messages) {
    const area = this.accountArea;
    if (area?.shown) return area.renderNotice(t);
    const notice = this.configError ?? this.booking?.notice ?? null;
    return html`
      ${
        notice
          ? html`<div class="notice" part="notice" role="alert">
              ${t.errors[notice.code] ?? t.errors.unknown}
            </div>`
          : nothing
      }
      ${
        this.waitingSeconds > 0
          ? html`<div class="notice info" part="notice" role="status">
              ${t.errors.retryIn(this.waitingSeconds)}
            </div>`
          : nothing
      }
    `;
  }

  private renderBody(t: Messages) {
    if (this.configError || !this.booking) return nothing;
    const area = this.accountArea;
    if (area?.shown) return area.renderScreen(t, this.activeLocale);
    if (!this.canBook) return html`<p class="sign-in-first">${t.login.signInToBook}</p>`;
    return renderStep(this.booking, t, this.activeLocale);
  }
}

// Defined once even when the script is included twice (CMS pages do that).
if (!customElements.get('patient-booking'))
  customElements.define('patient-booking', PatientBooking);

declare global {
  interface HTMLElementTagNameMap {
    'patient-booking': PatientBooking;
  }
}
