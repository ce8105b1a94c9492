/**
 * Runs the booking flow for the root element: holds the machine's state, feeds it events, runs the
 * effects it returns (loading, booking, public events) and asks the host to re-render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Appointment, Availability, FieldError, PatientData } from '../api/types.js';
import { ERROR_CODES, type ApiError } from '../api/errors.js';
import { emit } from '../events.js';
import type { BookingApi } from './booking-api.js';
import {
  initialState,
  transition,
  type BookingEvent,
  type BookingState,
  type Effect,
  type Preset,
  SUBMISSION_STATUS,
} from './machine.js';
import { StepData, GROUPS } from './step-data.js';
import { toApiError } from './resources.js';
import { TimeWindow } from './time-window.js';
import { validatePreset } from './preset.js';
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

export class BookingController implements ReactiveController {
  state: BookingState = initialState();
  /** False until the preselection has been checked; the root shows a loading state meanwhile. */
  started = false;
  readonly data: StepData;
  readonly times: TimeWindow;
  /** What the patient typed, kept across steps and errors; memory only. */
  draft: PatientData = {};
  asapOptIn = false;
  fieldErrors: FieldError[] = [];
  /** The last booking attempt's failure, shown on the review step. */
  bookingError: ApiError | null = null;
  /** Shown above the step: a preselection that did not fit, a slot that was taken. */
  notice: ApiError | null = null;
  appointment: Appointment | null = null;
  /** The time the patient picked, kept whole for the review (its window may be gone by then). */
  slot: Availability | null = null;
  /** The signed-in patient's details (from their profile), offered in empty fields. */
  private prefilled: PatientData | null = null;

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
    this.times = new TimeWindow(this.data, () => host.requestUpdate(), options.now);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.data.store.abortGroup(GROUPS.times);
  }

  /** Checks the host's preselection, then enters the first step it leaves open. */
  async start(preset: Preset): Promise<void> {
    this.started = false;
    this.host.requestUpdate();
    const { valid, error } = await validatePreset(this.data, preset);
    if (error) this.fail(error, 'notice');
    this.started = true;
    const previous = this.state.step;
    this.state = initialState(valid);
    this.afterStep(previous === this.state.step ? null : previous, true);
  }

  send(event: BookingEvent): void {
    const { state, effects } = transition(this.state, event);
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
   * The signed-in patient's details fill the fields the patient left empty (what they typed
   * wins); they stay editable and come back after "Book another appointment".
   */
  prefill(data: PatientData): void {
    this.prefilled = data;
    this.draft = withPrefill(this.draft, data);
    this.host.requestUpdate();
  }

  /**
   * The patient signed out: their data leaves the form, and a review under way goes back to it.
   * (A session that merely expired keeps the draft: the root does not call this then.)
   */
  forgetPatient(): void {
    this.prefilled = null;
    this.resetPatient();
    const s = this.state;
    if (s.step === 'review' && s.submission?.status !== SUBMISSION_STATUS.sending) {
      this.send({ type: 'EDIT', step: 'details' });
    }
    this.host.requestUpdate();
  }

  setDraft(value: PatientData, asapOptIn: boolean): void {
    this.draft = value;
    this.asapOptIn = asapOptIn;
  }

  /** "Retry" after a failure: loads what failed again, or resends the booking with the same key. */
  retry(): void {
    if (this.state.step === 'review' && this.state.submission?.status === 'failed') {
      this.send({ type: 'CONFIRM', idempotencyKey: this.newKey() });
      return;
    }
    this.data.store.retryFailed();
    this.ensureStepData();
  }

  private run(effect: Effect): void {
    if (effect.type === 'stepChanged') this.afterStep(effect.previousStep, false);
    if (effect.type === 'book') void this.book(effect);
    if (effect.type === 'bookingConfirmed') this.confirmed();
  }

  private afterStep(previousStep: string | null, initial: boolean): void {
    if (!initial)
      this.notice = this.state.step === 'time' && this.state.slotTaken ? this.notice : null;
    if (this.state.step !== 'time') this.data.store.abortGroup(GROUPS.times);
    if (this.state.step === 'insurance' && previousStep === 'confirmed') this.resetPatient();
    this.ensureStepData();
    emit(this.host, 'booking-step-change', { step: this.state.step, previousStep });
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.onStepRendered?.(this.state, initial));
  }

  /** Starts the loads the current step shows, and those the next step surely needs. */
  ensureStepData(): void {
    const s = this.state;
    this.data.institution();
    if (s.step === 'insurance') this.data.insurances();
    if (s.step === 'category') this.data.categories(s.insuranceId);
    if (s.step === 'type') {
      this.data.types(s.categoryId, s.insuranceId);
      this.data.locations();
    }
    if (s.step === 'time' || s.step === 'details') {
      this.data.type(s.typeId, s.categoryId, s.insuranceId);
      this.data.locations();
    }
    if (s.step === 'time') this.times.ensure(s);
  }

  private async book(effect: Extract<Effect, { type: 'book' }>): Promise<void> {
    this.bookingError = null;
    const { availabilityId, patient, asapOptIn, idempotencyKey } = effect;
    const asapEmail = asapOptIn ? patient.email : undefined;
    try {
      const appointment = await this.options.api.book(
        { availabilityId, patient, idempotencyKey, ...(asapEmail ? { asapEmail } : {}) },
        new AbortController().signal,
      );
      this.appointment = appointment;
      this.send({ type: 'BOOKED', appointmentId: appointment.id });
    } catch (e) {
      const error = toApiError(e);
      if (error.code === ERROR_CODES.availabilityTaken) {
        this.fail(error, 'notice');
        this.times.forgetCurrent();
        this.send({ type: 'SLOT_TAKEN' });
      } else if (error.code === ERROR_CODES.validation && error.fieldErrors.length > 0) {
        this.fieldErrors = error.fieldErrors;
        this.fail(error, 'field');
        this.send({ type: 'DETAILS_REJECTED' });
      } else {
        this.fail(error, 'booking');
        this.send({ type: 'BOOK_FAILED' });
      }
    }
  }

  private confirmed(): void {
    const a = this.appointment;
    if (!a || this.state.step !== 'confirmed') return;
    emit(this.host, 'booking-confirmed', {
      appointmentId: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      appointmentTypeId: this.state.typeId,
      guest: this.options.isGuest(),
    });
  }

  /** Keeps the error where the root shows it and tells the host page (code and status only). */
  fail(error: ApiError, where: 'notice' | 'booking' | 'field'): void {
    if (where === 'notice') this.notice = error;
    if (where === 'booking') this.bookingError = error;
    emit(this.host, 'booking-error', publicError(error));
    this.host.requestUpdate();
  }

  private resetPatient(): void {
    this.draft = this.prefilled ? { ...this.prefilled } : {};
    this.asapOptIn = false;
    this.fieldErrors = [];
    this.appointment = null;
    this.bookingError = null;
  }

  private newKey(): string {
    return this.options.newKey?.() ?? crypto.randomUUID();
  }

  /** A fresh idempotency key for a new submission (the machine keeps it for retries). */
  confirm(): void {
    this.fieldErrors = [];
    this.send({ type: 'CONFIRM', idempotencyKey: this.newKey() });
  }
}

/** `draft` with `prefill`'s values in the fields that are empty. */
function withPrefill(draft: PatientData, prefill: PatientData): PatientData {
  const out: PatientData = { ...draft };
  for (const [key, value] of Object.entries(prefill) as [keyof PatientData, unknown][]) {
    if (out[key] === undefined || out[key] === '') Object.assign(out, { [key]: value });
  }
  return out;
}
