/**
 * Runs the booking flow for the root element: holds the machine's state, feeds it events, runs the
 * effects it returns (loading, booking, public events) and asks the host to re-render.
 *
 * The transitions, the time step's window, the preselection check and the booking request come
 * with the steps' code (`lazy/load.ts`), fetched ahead of need; events that arrive before it are
 * held and sent once it is there.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Appointment, Availability, FieldError, PatientData } from '../api/types.js';
import { ApiError, ERROR_CODES } from '../api/errors.js';
import { emit } from '../contract/events.js';
import type { BookingApi } from './booking-api.js';
import type { Booking } from './booking-model.js';
import { loadSteps } from '../lazy/load-steps.js';
import { type StepsChunk as Flow } from '../lazy/load-steps.js';
import type { BookingEvent, Effect } from './machine.js';
import { initialState, type BookingState, type Preset, type Step } from './steps.js';
import { StepData, GROUPS } from './step-data.js';
import { toApiError } from './resources.js';
import type { TimeWindow } from './time-window.js';
import type { PresetCheck } from './preset.js';
import { publicError } from './public-error.js';

export interface BookingControllerOptions {
  api: BookingApi;
  /** True while no patient is signed in (the booking is a guest booking). */
  isGuest: () => boolean;
  /** Called after each step change, once the new step has rendered (announce, move focus). */
  onStepRendered?: (state: BookingState, initial: boolean) => void;
  newKey?: () => string;
  now?: () => Date;
}

export class BookingController implements ReactiveController, Booking {
  state: BookingState = initialState();
  /** False until the preselection has been checked; the root shows a loading state meanwhile. */
  started = false;
  readonly data: StepData;
  /** The time step's window of days; null until the steps' code is there. */
  times: TimeWindow | null = null;
  /** What the patient typed, kept across steps and errors; memory only. */
  draft: PatientData = {};
  asapOptIn = false;
  note = '';
  patientInsuranceId: string | null = null;
  fieldErrors: FieldError[] = [];
  /** The last booking attempt's failure, shown on the details step. */
  bookingError: ApiError | null = null;
  /** Shown above the step: a preselection that did not fit, a slot that was taken. */
  notice: ApiError | null = null;
  appointment: Appointment | null = null;
  /** The time the patient picked, kept whole for the summary (its window may be gone by then). */
  slot: Availability | null = null;
  /** The signed-in patient's details (from their profile): see `prefill`. */
  private prefilled: PatientData | null = null;
  private flow: Flow | null = null;
  /** Removes the guard that asks before the page is left with typed details (`leave-guard.ts`). */
  private unguard: (() => void) | null = null;
  /** Events sent before the steps' code arrived, in order. */
  private held: BookingEvent[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: BookingControllerOptions,
  ) {
    host.addController(this);
    this.data = new StepData(
      options.api,
      () => host.requestUpdate(),
      (error) => emit(host, 'booking-error', publicError(error)),
    );
  }

  hostConnected(): void {
    if (this.flow) this.unguard ??= this.flow.guardLeaving(() => this.typing());
  }

  hostDisconnected(): void {
    this.data.store.abortGroup(GROUPS.times);
    this.unguard?.();
    this.unguard = null;
  }

  /** The patient typed details that are not booked yet (prefilled ones can be had again). */
  private typing(): boolean {
    if (this.state.step !== 'details') return false;
    return Object.entries(this.draft).some(
      ([key, value]) =>
        typeof value === 'string' &&
        value.trim() !== '' &&
        value !== this.prefilled?.[key as keyof PatientData],
    );
  }

  /**
   * The steps' code, fetched once (the root asks for it ahead of need). Held events are
   * sent when it arrives; if it cannot be fetched, they are dropped and the patient is told.
   */
  loadFlow(): Promise<Flow | null> {
    return loadSteps().then(
      (flow) => {
        if (!this.flow) {
          this.flow = flow;
          this.unguard ??= flow.guardLeaving(() => this.typing());
          this.times = new flow.TimeWindow(
            this.data,
            this.options.api,
            () => this.host.requestUpdate(),
            this.options.now,
          );
        }
        for (const event of this.held.splice(0)) this.send(event);
        return flow;
      },
      (error: unknown) => {
        if (this.held.splice(0).length > 0) this.fail(toApiError(error), 'notice');
        return null;
      },
    );
  }

  /** Checks the host's preselection, then enters the first step it leaves open. */
  async start(preset: Preset): Promise<void> {
    this.started = false;
    this.host.requestUpdate();
    const { valid, error, reported } = await this.checkPreset(preset);
    if (reported) this.notice = error!;
    else if (error) this.fail(error, 'notice');
    this.started = true;
    const previous = this.state.step;
    this.state = initialState(valid);
    this.afterStep(previous === this.state.step ? null : previous, true);
  }

  send(event: BookingEvent): void {
    if (!this.flow) {
      this.held.push(event);
      void this.loadFlow();
      return;
    }
    const { state, effects } = this.flow.transition(this.state, event);
    if (state === this.state) return;
    this.state = state;
    for (const effect of effects) this.run(effect);
    this.host.requestUpdate();
  }

  selectSlot(slot: Availability): void {
    this.slot = slot;
    this.send({ type: 'SELECT_SLOT', id: slot.id });
  }

  /**
   * The signed-in patient's usual insurance: chosen on the first screen when no insurance is yet
   * (its types appear below the radios; nothing above them moves).
   */
  setPatientInsurance(id: string | null): void {
    this.patientInsuranceId = id;
    const s = this.state;
    if (id && s.step === 'type' && !s.insuranceId && !s.preset.insuranceId) {
      this.send({ type: 'SELECT_INSURANCE', id });
    }
    this.host.requestUpdate();
  }

  setDraft(value: PatientData, asapOptIn: boolean, note = ''): void {
    this.draft = value;
    this.asapOptIn = asapOptIn;
    this.note = note;
  }

  /** "Retry" after a failure: loads what failed again, or resends the booking with the same key. */
  retry(): void {
    if (this.state.step === 'details' && this.state.submission?.status === 'failed') {
      this.send({ type: 'RETRY' });
      return;
    }
    this.data.store.retryFailed();
    this.ensureStepData();
  }

  private run(effect: Effect): void {
    if (effect.type === 'stepChanged') this.afterStep(effect.previousStep, false);
    else if (effect.type === 'book') void this.book(effect);
    else this.confirmed();
  }

  /** Sends the booking (the steps' code is there: the machine came with it) and applies the outcome. */
  private async book(effect: Extract<Effect, { type: 'book' }>): Promise<void> {
    this.bookingError = null;
    const outcome = await this.flow!.requestBooking(this.options.api, effect, this.note);
    if (outcome.type === 'booked') {
      this.appointment = outcome.appointment;
      return this.send({ type: 'BOOKED', appointmentId: outcome.appointment.id });
    }
    const { error } = outcome;
    if (outcome.type === 'taken') {
      this.fail(error, 'notice');
      this.times?.forgetCurrent();
      this.send({ type: 'SLOT_TAKEN' });
      return;
    }
    if (outcome.type === 'failed') {
      this.fail(error, 'booking');
      this.send({ type: 'BOOK_FAILED' });
      return;
    }
    if (outcome.type === 'asapRejected') this.asapOptIn = false;
    else this.fieldErrors = error.fieldErrors;
    this.send({ type: 'DETAILS_REJECTED' });
    // after the step change, which clears notices
    this.fail(error, outcome.type === 'invalid' && error.fieldErrors.length ? 'field' : 'notice');
  }

  /** The public event of a confirmed booking. */
  private confirmed(): void {
    const a = this.appointment;
    if (!a || this.state.step !== 'confirmed') return;
    emit(this.host, 'booking-confirmed', {
      appointmentId: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      guest: this.options.isGuest(),
    });
  }

  private afterStep(previousStep: Step | null, initial: boolean): void {
    if (!initial)
      this.notice = this.state.step === 'time' && this.state.slotTaken ? this.notice : null;
    if (this.state.step !== 'time') this.data.store.abortGroup(GROUPS.times);
    if (this.state.step === 'type' && previousStep === 'confirmed') this.resetPatient();
    this.ensureStepData();
    emit(this.host, 'booking-step-change', { step: this.state.step, previousStep });
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.onStepRendered?.(this.state, initial));
  }

  /** Starts the loads the current step shows, and those the next step surely needs. */
  ensureStepData(): void {
    const s = this.state;
    // The step's own data first: on HTTP/1.1 the first request takes the connection that is open.
    if (s.step === 'type') {
      const insurances = this.data.insurances();
      if (s.insuranceId) {
        this.data.types(s.insuranceId);
        this.data.categories(s.insuranceId);
        this.data.locations();
      } else if (insurances.status === 'ready' && insurances.value.length === 1) {
        // One insurance: nothing to ask; the list of types shows at once.
        this.send({ type: 'SELECT_INSURANCE', id: insurances.value[0].id });
      }
    }
    if (s.step === 'time' || s.step === 'details') {
      this.data.type(s.typeId, s.insuranceId);
      this.data.locations();
      this.data.insurances();
    }
    if (s.step === 'time') this.times?.ensure(s);
    if (s.step === 'details' && this.options.isGuest()) this.options.api.prepareBooking?.();
    this.data.institution();
  }

  /** A preselection is checked against the catalogue, with the flow's code (none: nothing to check). */
  private async checkPreset(preset: Preset): Promise<PresetCheck> {
    if (!preset.insuranceId && !preset.categoryId && !preset.typeId) return { valid: {} };
    if (preset.insuranceId) this.data.insurances(); // beside the code, not after it
    const flow = await this.loadFlow();
    if (!flow)
      return { valid: {}, error: new ApiError('flow failed to load', ERROR_CODES.network) };
    return flow.validatePreset(this.data, preset);
  }

  /** Keeps the error where the root shows it and tells the host page (code and status only). */
  fail(error: ApiError, where: 'notice' | 'booking' | 'field'): void {
    if (where === 'notice') this.notice = error;
    if (where === 'booking') this.bookingError = error;
    emit(this.host, 'booking-error', publicError(error));
    this.host.requestUpdate();
  }

  prefill(data: PatientData | null, draft: PatientData): void {
    this.prefilled = data;
    if (data) this.draft = draft;
    else this.resetPatient();
  }

  /** A new patient: the form empty (or prefilled), no appointment, no errors. */
  private resetPatient(): void {
    this.draft = this.prefilled ? { ...this.prefilled } : {};
    this.asapOptIn = false;
    this.note = '';
    this.fieldErrors = [];
    this.appointment = null;
    this.bookingError = null;
  }

  private newKey(): string {
    // Keys are made by the steps' code: it is there on the details step, where bookings start.
    return this.options.newKey?.() ?? this.flow!.newIdempotencyKey();
  }

  /** The details form, valid: books with a fresh key (the machine reuses the last one for the same data). */
  submit(patient: PatientData, asapOptIn: boolean): void {
    this.setDraft(patient, asapOptIn, this.note);
    this.fieldErrors = [];
    this.send({ type: 'SUBMIT', patient, asapOptIn, idempotencyKey: this.newKey() });
  }
}
