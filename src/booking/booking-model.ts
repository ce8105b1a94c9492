/**
 * The booking as its readers see it (step renderers, the account): what the patient chose and
 * typed, the step's data, and the intents they may send. `BookingController` implements it; only
 * the controller changes these fields.
 */
import type { ApiError } from '../api/errors.js';
import type { Appointment, Availability, FieldError, PatientData } from '../api/types.js';
import type { BookingEvent } from './machine.js';
import type { StepData } from './step-data.js';
import type { BookingState, Preset } from './steps.js';
import type { TimeWindow } from './time-window.js';

export interface Booking {
  readonly state: BookingState;
  /** False until the preselection has been checked; the root shows a loading state meanwhile. */
  readonly started: boolean;
  readonly data: StepData;
  /** The time step's window of days; null until the steps' code is there. */
  readonly times: TimeWindow | null;
  /** What the patient typed, kept across steps and errors; memory only. */
  readonly draft: PatientData;
  readonly asapOptIn: boolean;
  /** The patient's note to the practice ('' for none). */
  readonly note: string;
  readonly fieldErrors: readonly FieldError[];
  /** The last booking attempt's failure, shown on the details step. */
  readonly bookingError: ApiError | null;
  /** Shown above the step: a preselection that did not fit, a slot that was taken. */
  readonly notice: ApiError | null;
  readonly appointment: Appointment | null;
  /** The time the patient picked, kept whole for the summary (its window may be gone by then). */
  readonly slot: Availability | null;

  send(event: BookingEvent): void;
  /** Starts anew with this preselection (checked against the catalogue first). */
  start(preset: Preset): Promise<void>;
  selectSlot(slot: Availability): void;
  /**
   * The signed-in patient's insurance, from their earlier appointments: the first step shows it
   * chosen (the patient still confirms it); null for a guest.
   */
  readonly patientInsuranceId: string | null;
  setPatientInsurance(id: string | null): void;
  /** The form's state: the patient's data, the ASAP opt-in, the note to the practice. */
  setDraft(value: PatientData, asapOptIn: boolean, note?: string): void;
  /** "Retry" after a failure: loads what failed again, or resends the booking with the same key. */
  retry(): void;
  /** Books with the details form's data (valid), with a fresh idempotency key. */
  submit(patient: PatientData, asapOptIn: boolean): void;
  /** Fetches the steps' code (resolves once it is there, or failed to come). */
  loadFlow(): Promise<unknown>;
  /** Starts the loads the current step shows. */
  ensureStepData(): void;
  /**
   * The signed-in patient's details (`data`, offered again after "Book another appointment") and
   * the form filled with them (`draft`); null: the patient signed out, their data leaves the form.
   */
  prefill(data: PatientData | null, draft: PatientData): void;
}
