/**
 * The booking flow as a pure state machine: no DOM, no fetch, no clock, no randomness. The
 * steps and states themselves are `steps.ts`; this module holds the transitions.
 * `transition(state, event)` returns the next state and the side effects to run, as data;
 * the controller runs them. Unknown events in a state return the same state and no effects.
 *
 * BACK and EDIT keep every choice: going back to the first screen keeps the insurance, the type
 * and the time; choosing the same type again leads on with the time kept (to the details, when
 * "Change" came from there); another type forgets the time, which belonged to the old type.
 */
import type { PatientData } from '../api/types.js';
import {
  SUBMISSION_STATUS,
  fromPreset,
  isSkipped,
  previousStep,
  type BookingState,
  type EditableStep,
  type Picked,
  type Preset,
  type Slotted,
  type Step,
  type TypeState,
} from './steps.js';

export {
  STEPS,
  SUBMISSION_STATUS,
  initialState,
  isSkipped,
  previousStep,
  type BookingState,
  type EditableStep,
  type Preset,
  type Step,
  type Submission,
  type SubmissionStatus,
} from './steps.js';

export type BookingEvent =
  | { type: 'START'; preset: Preset }
  | { type: 'SELECT_INSURANCE'; id: string }
  /** The category filter of a long list of types (the first screen stays). */
  | { type: 'SELECT_CATEGORY'; id: string }
  | { type: 'SELECT_TYPE'; id: string; categoryId: string }
  | { type: 'SELECT_SLOT'; id: string }
  /**
   * The details form, valid, with the booking button: sends the booking. `idempotencyKey` is a
   * fresh key, used unless the same data failed before (then that attempt's key is reused).
   */
  | { type: 'SUBMIT'; patient: PatientData; asapOptIn: boolean; idempotencyKey: string }
  /** "Try again" after a failed attempt: the same data with the same key. */
  | { type: 'RETRY' }
  | { type: 'BOOKED'; appointmentId: string }
  | { type: 'SLOT_TAKEN' }
  /** The portal refused the patient data (422): the form shows its errors. */
  | { type: 'DETAILS_REJECTED' }
  | { type: 'BOOK_FAILED' }
  | { type: 'BACK' }
  | { type: 'EDIT'; step: EditableStep }
  | { type: 'RESTART' };

export type Effect =
  | { type: 'stepChanged'; step: Step; previousStep: Step }
  | {
      type: 'book';
      availabilityId: string;
      patient: PatientData;
      asapOptIn: boolean;
      idempotencyKey: string;
    }
  | { type: 'bookingConfirmed'; appointmentId: string };

export interface Transition {
  state: BookingState;
  effects: Effect[];
}

type EventOf<T extends BookingEvent['type']> = Extract<BookingEvent, { type: T }>;
type StateOf<S extends Step> = Extract<BookingState, { step: S }>;
type Handlers<S extends Step> = {
  [E in BookingEvent['type']]?: (state: StateOf<S>, event: EventOf<E>) => BookingState;
};

type Later = Exclude<BookingState, TypeState>;

/**
 * The choices a step carries over to the next, copied one by one (a step's own fields, such as
 * the submission, stay behind).
 */
const picked = ({ preset, insuranceId, categoryId, typeId }: Picked): Picked => ({
  preset,
  insuranceId,
  categoryId,
  typeId,
});
const slotted = (s: Slotted): Slotted => ({ ...picked(s), availabilityId: s.availabilityId });

/** The first screen with every choice kept. */
function toType(s: Later, returnTo?: 'details'): BookingState {
  const { availabilityId } = s;
  return {
    step: 'type',
    ...picked(s),
    ...(availabilityId ? { availabilityId } : {}),
    ...(returnTo ? { returnTo } : {}),
  };
}

/** The time step, the time chosen before (if any) shown as chosen. */
function toTime(s: Picked & { availabilityId?: string }): BookingState {
  const { availabilityId } = s;
  return {
    step: 'time',
    ...picked(s),
    slotTaken: false,
    ...(availabilityId ? { availabilityId } : {}),
  };
}

function toDetails(s: Slotted): BookingState {
  return { step: 'details', ...slotted(s), submission: null };
}

function goTo(state: Later, step: EditableStep, returnTo?: 'details'): BookingState {
  if (step === 'type') return isSkipped('type', state.preset) ? state : toType(state, returnTo);
  return state.step === 'details' ? toTime(state) : state;
}

function back(state: Later): BookingState {
  const step = previousStep(state);
  return step ? goTo(state, step) : state;
}

function edit(state: Later, event: EventOf<'EDIT'>): BookingState {
  return goTo(state, event.step, state.step === 'details' ? 'details' : undefined);
}

/** A different insurance keeps the type (shown as chosen while offered), not the time. */
function selectInsurance(s: TypeState, id: string): BookingState {
  if (s.insuranceId === id) return s;
  const { preset, categoryId, typeId } = s;
  return {
    step: 'type',
    preset,
    insuranceId: id,
    ...(categoryId ? { categoryId } : {}),
    ...(typeId ? { typeId } : {}),
  };
}

/** The same type again leads back on with the time kept; another type starts the time afresh. */
function selectType(s: TypeState, e: EventOf<'SELECT_TYPE'>): BookingState {
  if (!s.insuranceId) return s;
  const picked = {
    preset: s.preset,
    insuranceId: s.insuranceId,
    categoryId: e.categoryId,
    typeId: e.id,
  };
  const same = s.typeId === e.id && s.categoryId === e.categoryId && s.availabilityId;
  if (!same) return toTime(picked);
  const availabilityId = s.availabilityId!;
  return s.returnTo === 'details'
    ? toDetails({ ...picked, availabilityId })
    : toTime({ ...picked, availabilityId });
}

const sending = (s: StateOf<'details'>) => s.submission?.status === SUBMISSION_STATUS.sending;

const samePatient = (a: PatientData, b: PatientData): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PatientData>;
  return [...keys].every((k) => a[k] === b[k]);
};

function submit(s: StateOf<'details'>, e: EventOf<'SUBMIT'>): BookingState {
  if (sending(s)) return s;
  const before = s.submission;
  const again =
    before && before.asapOptIn === e.asapOptIn && samePatient(before.patient, e.patient);
  const idempotencyKey = again ? before.idempotencyKey : e.idempotencyKey;
  const { patient, asapOptIn } = e;
  return {
    ...s,
    submission: { idempotencyKey, status: SUBMISSION_STATUS.sending, patient, asapOptIn },
  };
}

const restart = (state: BookingState): BookingState => fromPreset(state.preset);

const TABLE: { [S in Step]: Handlers<S> } = {
  type: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_INSURANCE: (s, e) => selectInsurance(s, e.id),
    SELECT_CATEGORY: (s, e) => (s.categoryId === e.id ? s : { ...s, categoryId: e.id }),
    SELECT_TYPE: selectType,
  },
  time: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_SLOT: (s, e) => toDetails({ ...s, availabilityId: e.id }),
    BACK: back,
    EDIT: edit,
  },
  details: {
    SUBMIT: submit,
    RETRY: (s) =>
      s.submission?.status === SUBMISSION_STATUS.failed
        ? { ...s, submission: { ...s.submission, status: SUBMISSION_STATUS.sending } }
        : s,
    BOOKED: (s, e) => {
      if (!sending(s)) return s;
      return { step: 'confirmed', ...slotted(s), appointmentId: e.appointmentId };
    },
    SLOT_TAKEN: (s) => {
      if (!sending(s)) return s;
      return { step: 'time', ...picked(s), slotTaken: true };
    },
    DETAILS_REJECTED: (s) => (sending(s) ? { ...s, submission: null } : s),
    BOOK_FAILED: (s) =>
      sending(s) ? { ...s, submission: { ...s.submission!, status: SUBMISSION_STATUS.failed } } : s,
    BACK: (s) => (sending(s) ? s : back(s)),
    EDIT: (s, e) => (sending(s) ? s : edit(s, e)),
  },
  confirmed: {
    RESTART: restart,
  },
};

/** The next state and the effects to run. Pure: the same input always gives the same output. */
export function transition(state: BookingState, event: BookingEvent): Transition {
  const handlers = TABLE[state.step] as Handlers<Step>;
  const handler = handlers[event.type] as
    ((s: BookingState, e: BookingEvent) => BookingState) | undefined;
  const next = handler ? handler(state, event) : state;
  return { state: next, effects: next === state ? [] : effectsOf(state, next) };
}

const isSending = (s: BookingState): boolean =>
  s.step === 'details' && s.submission?.status === SUBMISSION_STATUS.sending;

function effectsOf(previous: BookingState, next: BookingState): Effect[] {
  const effects: Effect[] = [];
  if (next.step !== previous.step) {
    effects.push({ type: 'stepChanged', step: next.step, previousStep: previous.step });
  }
  if (next.step === 'details' && next.submission && isSending(next) && !isSending(previous)) {
    const { availabilityId, submission } = next;
    effects.push({
      type: 'book',
      availabilityId,
      patient: submission.patient,
      asapOptIn: submission.asapOptIn,
      idempotencyKey: submission.idempotencyKey,
    });
  }
  if (next.step === 'confirmed' && previous.step !== 'confirmed') {
    effects.push({ type: 'bookingConfirmed', appointmentId: next.appointmentId });
  }
  return effects;
}
