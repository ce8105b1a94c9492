/**
 * `<patient-booking>`: the root element. Reads its attributes, connects its backend's API to the
 * booking controller and, when the backend offers patient login, the account's slot, and renders
 * the sign-in bar and the current step's view (or, signed in, the patient's appointments). What
 * loads when: `src/lazy/` and docs/architecture.md.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from './core/decorators.js';
import type { AccountSlot } from './account/account-slot.js';
import { loadSignIn } from './lazy/load-sign-in.js';
import { BookingController } from './booking/controller.js';
import type { BookingState } from './booking/steps.js';
import { readConfig, type WidgetAttributes } from './element/config.js';
import { Catalogue } from './element/catalogue.js';
import { resolveLocale, type Locale } from './i18n/locale.js';
import { errorMessage, type CoreMessages } from './i18n/messages.js';
import { renderStep, type StepView } from './steps/current-step.js';
import { StepsCode, needsCode, withStepMessages } from './steps/steps-code.js';
import { rootStyles } from './element/root-styles.js';
import { Launcher } from './element/launcher.js';
import { launcherStyles } from './element/launcher-styles.js';
import { createBackendClient, type BackendClient } from './element/backend-client.js';
import { checkAppearance, diagnose } from './element/diagnostics.js';
import type { Problem } from './element/problem.js';
import { phoneLine, reservedSignIn, stepProgress, waitingSkeleton } from './views/widget-frame.js';
import './views/steps/choice-step.js';

export type { PatientBookingEventMap } from './contract/events.js';

/**
 * Book, reschedule and cancel appointments with a clinic's patient portal.
 *
 * @summary Embeddable appointment booking for medical practices.
 * @fires booking-confirmed - `{appointmentId, startsAt, endsAt, guest}`
 * @fires booking-rescheduled - `{appointmentId, startsAt, endsAt, previousStartsAt}`
 * @fires booking-cancelled - `{appointmentId}`
 * @fires booking-step-change - `{step, previousStep}`
 * @fires booking-error - `{code, message, status?, setting}`
 * @csspart header - Title, progress and back button.
 * @csspart account - The sign-in bar (when the backend offers login): sign in, the patient's name, sign out.
 * @csspart notice - Messages above the step (errors, waiting, a taken time).
 * @csspart step - The current step's view.
 * @csspart open-button - Popup and floating modes: the button that opens the dialog.
 * @csspart dialog - Popup and floating modes: the dialog around the widget.
 * @csspart close-button - Popup and floating modes: the dialog's close button.
 * @csspart heading - Each step's heading (forwarded from the step's view, as are the parts below).
 * @csspart filter - A radio group above the appointment types (the insurance; a category in a long list).
 * @csspart option - A choice button (an appointment type).
 * @csspart day - A day button of the time step.
 * @csspart time - A time button of the time step.
 * @csspart field - One form field: label, control and message.
 * @csspart field-error - A form field's error message.
 * @csspart error - An error box inside a step.
 * @csspart submit - The details form's submit button.
 * @csspart confirm - The button that books (or moves) the appointment.
 * @csspart summary - The summary of the chosen appointment (above the time and details steps, confirmation, detail).
 * @csspart edit - A "Change" button in the summary of the choices.
 * @csspart bar - The sign-in bar inside `account`.
 * @csspart sign-in - The "Sign in" button.
 * @csspart sign-out - The "Sign out" button.
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
 * @cssprop --patient-booking-font-size - Base text size (default 16px): every size in the widget follows it, none follows the page's root size.
 * @cssprop --patient-booking-padding - Space inside the widget's border (default 1em).
 * @cssprop --patient-booking-max-width - Widest the widget grows (default 40em).
 */
export class PatientBooking extends LitElement {
  static override styles = [rootStyles, launcherStyles];

  private booking: BookingController | null = null;
  private account: AccountSlot | null = null;
  /**
   * The sign-in bar's place is kept while the bar may come, so nothing moves when it does:
   * `unknown` until the backend's configuration says whether login is offered (it comes after
   * the first step's data, often after the first screen), `due` while the bar's code is on its
   * way, `none` without a bar.
   */
  @state() private signIn: 'unknown' | 'due' | 'none' = 'unknown';
  /** The step on which a kept place proved unneeded: it is given back when that step changes. */
  private signInDroppedOn: BookingState['step'] | null = null;
  private appearanceChecked = false;
  private bookingStarted = false;
  private preset: BookingState['preset'] = {};
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stepsCode = new StepsCode(this, () => this.booking);
  private readonly catalogue = new Catalogue(this, {
    loaded: () => {
      // The first step may have rendered before the catalogue: announce it now.
      const booking = this.booking;
      if (booking?.started && !this.announcement) this.stepRendered(booking.state, true);
    },
  });

  /**
   * The booking backend's base URL; default: the directory this script came from. Only for
   * script-tag pages whose backend is elsewhere (CMS markup and `embed.html` never set it).
   */
  @property() backend: string | null = null;
  /** `de`, `en` or `tr`; default `<html lang>`, then the browser, then `de`. */
  @property() locale: string | null = null;
  /** Preselected insurance id: skips the insurance step. */
  @property({ attribute: 'insurance-id' }) insuranceId: string | null = null;
  /** Preselected appointment category id. */
  @property({ attribute: 'appointment-category-id' }) categoryId: string | null = null;
  /** Preselected appointment type id. */
  @property({ attribute: 'appointment-type-id' }) typeId: string | null = null;
  /** `light` (the default), `dark`, or `auto`: the visitor's system setting. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | null = null;
  /**
   * `inline` (the default): the widget where the element stands; `popup`: a button (or the page's
   * own `data-patient-booking-open` element) opens it in a dialog; `floating`: the same button,
   * fixed in the corner of the window. Popup and floating fetch nothing before the first open.
   */
  @property({ reflect: true }) mode: 'inline' | 'popup' | 'floating' | null = null;

  /**
   * `card` (default): the widget draws its own card and title. `plain`: neither (the title stays
   * for screen readers), for a page that gives the widget its own box and heading.
   */
  @property({ reflect: true }) variant: 'card' | 'plain' | null = null;
  /** `interaction`: an inline widget fetches nothing until it is scrolled into view, clicked or focused. */
  @property() load: 'interaction' | null = null;
  /** The popup and floating button's label; default "Termin buchen" / "Book an appointment". */
  @property({ attribute: 'button-label' }) buttonLabel: string | null = null;

  /** The practice's phone number, from the backend's configuration: shown where calling helps. */
  @state() private phone: string | null = null;

  /** The practice's privacy notice, from the backend's configuration: linked under the form. */
  @state() private privacyUrl: string | undefined;
  @state() private announcement = '';
  @state() private waitingSeconds = 0;
  /** Resolved once the first step shows its choices (or its error): then the sign-in bar's code. */
  private firstScreen!: Promise<void>;
  private firstScreenShown!: () => void;
  private firstScreenDue = true;
  /** The configuration inputs of the last set-up (JSON), to tell a real change from none. */
  private setUpWith = '';

  constructor() {
    super();
    // A misconfiguration the backend's answer revealed: the booking flow sent its event; its line.
    this.addEventListener('booking-error', ({ detail: { setting } }) => {
      if (setting) this.diagnose({ setting, kind: 'revealed' });
    });
  }

  /**
   * Names a misconfiguration, once per set-up: one console line and one `booking-error` with its
   * `setting` (docs/diagnostics.md).
   */
  private readonly diagnose = (problem: Problem): void => diagnose(this, this.setUpWith, problem);

  /**
   * When the widget may fetch its data and code: on the first connect, or once needed (`mode`,
   * `load`). The catalogue loads beside the first step's data (both start here, before a render).
   */
  private readonly launcher = new Launcher(this, {
    activate: () => {
      this.catalogue.load(this.activeLocale);
      this.setUp();
    },
    locale: () => this.activeLocale,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.waitTimer);
  }

  /**
   * Sets the widget up again when a configuration attribute changes after the first set-up, or
   * arrives after a set-up that failed for the lack of it (frameworks insert first, then set).
   */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    this.launcher.sync();
    if (!this.launcher.active) return;
    // Compared by value: the first update lists every attribute as changed, which is no change.
    if (JSON.stringify(this.configInputs()) !== this.setUpWith) this.setUp();
    // Checked once active (popup and floating widgets wake on the first click).
    const appearance = changed.has('locale') || changed.has('theme') || changed.has('variant');
    if (appearance || !this.appearanceChecked) {
      this.appearanceChecked = true;
      checkAppearance(this.diagnose, this.locale, this.theme, this.variant);
    }
    this.catalogue.load(this.activeLocale);
    this.startBooking();
    const booking = this.booking;
    if (booking?.started) {
      booking.ensureStepData();
      // Past the insurance the list of types and the later steps need their code: fetch it now.
      if (needsCode(booking.state)) this.stepsCode.prefetch();
    }
    this.account?.loaded?.ensureScreenData();
  }

  private get activeLocale(): Locale {
    return resolveLocale(this.locale, document.documentElement.lang, navigator.languages ?? []);
  }

  /** The language shown: that of the catalogue (the other one may still be loading). */
  private get shownLocale(): Locale {
    return this.catalogue.locale ?? this.activeLocale;
  }

  private configInputs(): WidgetAttributes {
    return {
      backend: this.backend,
      insuranceId: this.insuranceId,
      categoryId: this.categoryId,
      typeId: this.typeId,
    };
  }

  private setUp(): void {
    if (this.booking) this.removeController(this.booking);
    this.account?.dispose();
    this.booking = null;
    this.account = null;
    this.signIn = 'unknown';
    this.signInDroppedOn = null;
    this.bookingStarted = false;
    this.firstScreenDue = true;
    this.firstScreen = new Promise(
      (resolve) =>
        (this.firstScreenShown = () => {
          // For the page's own measurements (and the size budget test): the choices are painted.
          performance.mark?.('patient-booking:first-screen');
          resolve();
        }),
    );
    const inputs = this.configInputs();
    this.setUpWith = JSON.stringify(inputs);
    const config = readConfig(inputs, location.href, undefined, (setting, kind, value) =>
      this.diagnose({ setting, kind, value }),
    );
    const wiring = createBackendClient(config, {
      onWait: (seconds) => this.showWaiting(seconds),
      onRemote: (remote) => {
        if (this.booking !== booking) return; // set up anew meanwhile
        this.phone = remote.practice.phone ?? null;
        this.privacyUrl = remote.practice.privacyUrl;
        if (remote.login) this.offerLogin(wiring, booking, remote.login);
        else this.dropSignIn();
      },
      onRemoteFailed: (error) => {
        if (this.booking === booking) this.diagnose({ setting: 'backend', kind: 'remote', error });
      },
    });
    const booking = new BookingController(this, {
      api: wiring.api,
      isGuest: () => !wiring.session?.signedIn,
      onStepRendered: (s, initial) => void this.stepRendered(s, initial),
    });
    this.booking = booking;
    this.preset = config.preset;
    this.startBooking();
  }

  /**
   * The backend offers patient login: the sign-in bar, if this page can use it. Its code, with the
   * check of this page, comes once the first step shows its choices (guests book without it; if
   * it cannot come, they still do).
   */
  private offerLogin(
    wiring: BackendClient,
    booking: BookingController,
    login: Record<string, unknown>,
  ): void {
    this.signIn = 'due';
    const gone = () => {
      if (this.booking === booking) this.dropSignIn();
    };
    void this.firstScreen.then(loadSignIn).then((offerSignIn) => {
      if (this.booking !== booking) return;
      const slot = offerSignIn(
        {
          host: this,
          wiring,
          booking,
          hooks: {
            messages: () => this.catalogue.messages,
            locale: () => this.shownLocale,
            announce: (text) => (this.announcement = text),
            focusStep: () => void this.focusStep(),
          },
        },
        login,
        (setting, why) => this.diagnose({ setting, kind: 'sign-in', why }),
      );
      if (slot) this.showSignIn(slot);
      else gone();
    }, gone);
  }

  /**
   * No sign-in bar after all. Its place goes at once while the first screen is not complete yet;
   * after, when the step changes (the page moves then anyway), not under the patient's pointer.
   */
  private dropSignIn(): void {
    this.signIn = 'none';
    this.signInDroppedOn = this.firstScreenDue ? null : (this.booking?.state.step ?? null);
  }

  private showSignIn(slot: AccountSlot): void {
    this.account = slot;
    this.requestUpdate();
  }

  /** The booking flow starts at once: guests may book, signed in or not. */
  private startBooking(): void {
    if (this.bookingStarted || !this.booking) return;
    this.bookingStarted = true;
    void this.booking.start(this.preset);
  }

  /** Once the first step shows its choices, the next steps' code follows (while the patient reads). */
  private prefetchAfterFirstStep(s: BookingState): void {
    const booking = this.booking;
    if (!booking || s.step !== 'type') return this.stepsCode.prefetchSoon();
    booking.data.ready.insurances().then(
      () => this.stepsCode.prefetchSoon(),
      () => undefined, // the step shows its error; the code follows the patient's retry
    );
  }

  /**
   * After each render: once the first screen is complete (its strings, the flow started, the
   * insurances' answer where that is the step), the frame that paints it, then `firstScreen`.
   */
  protected override updated(): void {
    const booking = this.booking;
    if (!this.firstScreenDue || !this.catalogue.messages || !booking?.started) return;
    if (booking.state.step === 'type' && booking.data.insurances().status === 'loading') return;
    this.firstScreenDue = false;
    let marked = false;
    const mark = () => (marked ||= (this.firstScreenShown(), true));
    requestAnimationFrame(() => setTimeout(mark));
    // A frame out of view is not painted (no animation frame comes): the iframe's height, which
    // waits for this mark, must not wait for the patient to scroll there.
    setTimeout(mark, FIRST_SCREEN_FALLBACK_MS);
  }

  /** The account's screens are shown (the patient's appointments, not the booking flow). */
  private get accountShown(): boolean {
    return !!this.account?.loaded?.shown;
  }

  /** Moves focus to the step's heading, once the step's view is there. */
  private async focusStep(): Promise<void> {
    const step = this.booking?.state.step;
    if (step && !this.accountShown) await this.stepsCode.ready(step);
    this.renderRoot.querySelector<StepView>('[part~="step"]')?.focusHeading?.();
  }

  private showWaiting(seconds: number): void {
    clearTimeout(this.waitTimer);
    this.waitingSeconds = seconds;
    this.waitTimer = setTimeout(() => (this.waitingSeconds = 0), seconds * 1000);
  }

  /** After a step change: announce it and move focus to its heading (not on the first render). */
  private stepRendered(s: BookingState, initial: boolean): void {
    if (this.accountShown) return;
    const t = this.catalogue.messages;
    if (t) this.announcement = t.widget.stepAnnouncement(t.steps[s.step]);
    if (initial) return this.prefetchAfterFirstStep(s);
    void this.focusStep();
  }

  override render() {
    return this.launcher.render(() => this.renderWidget());
  }

  private renderWidget() {
    const t = this.catalogue.messages;
    // The catalogue arrives within a microtask of the first connect, the booking flow's first
    // state just after: a (busy) skeleton until both are there, never an empty step.
    if (!t || !this.booking?.started) return waitingSkeleton();
    const area = this.account?.loaded;
    return html`
      <section
        aria-labelledby="title"
        lang=${this.shownLocale}
        @pointerover=${this.stepsCode.onIntent}
        @focusin=${this.stepsCode.onIntent}
      >
        <header part="header">
          <h1 id="title">${t.widget.title}</h1>
          ${area?.shown ? area.renderBack(t) : this.renderProgress(t)}
        </header>
        ${this.renderAccountBar(t)} ${this.renderNotices(t)} ${this.renderBody(t)}
        ${this.phone ? phoneLine(t, this.phone) : nothing}
        <div class="vh" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  /**
   * The account bar, or its reserved place until its code comes; signed out, not on the
   * confirmation (the booking is done: no offer then).
   */
  private renderAccountBar(t: CoreMessages) {
    const account = this.account;
    const confirmed = this.booking?.state.step === 'confirmed';
    if (!account) return this.keepsSignInPlace() && !confirmed ? reservedSignIn(t) : nothing;
    return !account.loaded?.signedIn && confirmed ? nothing : account.renderBar(t);
  }

  private keepsSignInPlace(): boolean {
    if (this.signIn !== 'none') return true;
    return this.signInDroppedOn !== null && this.signInDroppedOn === this.booking?.state.step;
  }

  private renderProgress(t: CoreMessages) {
    const booking = this.booking;
    if (!booking?.started) return nothing;
    return stepProgress(t, booking.state, () => booking.send({ type: 'BACK' }));
  }

  private renderNotices(t: CoreMessages) {
    const area = this.account?.loaded;
    if (area?.shown) return area.renderNotice(t);
    const notice = this.booking?.notice ?? null;
    const all = withStepMessages(t, this.shownLocale);
    return html`
      ${
        notice
          ? html`<div class="notice" part="notice" role="alert">
              ${errorMessage(all, notice.code)}
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

  private renderBody(t: CoreMessages) {
    if (!this.booking) return nothing;
    const area = this.account?.loaded;
    const locale = this.shownLocale;
    if (area?.shown) return area.renderScreen(t, locale);
    const failed = this.stepsCode.failed ? errorMessage(t, this.stepsCode.failed.code) : undefined;
    const practice = this.privacyUrl ? { privacyUrl: this.privacyUrl } : {};
    return renderStep(this.booking, t, locale, practice, failed, this.stepsCode.prefetch);
  }
}

/** The first screen's mark at the latest this long after its render (see `updated`). */
const FIRST_SCREEN_FALLBACK_MS = 500;

// Defined once even when the script is included twice (CMS pages do that).
if (!customElements.get('patient-booking'))
  customElements.define('patient-booking', PatientBooking);

declare global {
  interface HTMLElementTagNameMap {
    'patient-booking': PatientBooking;
  }
}
