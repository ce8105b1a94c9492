/**
 * The booking flow as a pure state machine: no DOM, no fetch, no clock, no randomness. The
 * steps and states themselves are `steps.ts`; this module holds the transitions.
 * `transition(state, event)` returns the next state and the side effects to run, as data;
 * the controller runs them. Unknown events in a state return the same state and no effects.
 */
import type { PatientData } from '../api/types.js';
import {
  ORDER,
  SUBMISSION_STATUS,
  afterCategory,
  afterInsurance,
  fromPreset,
  isSkipped,
  previousStep,
  type Base,
  type BookingState,
  type EditableStep,
  type Preset,
  type Slotted,
  type Step,
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
  | { type: 'SELECT_CATEGORY'; id: string }
  | { type: 'SELECT_TYPE'; id: string }
  | { type: 'SELECT_SLOT'; id: string }
  | { type: 'SUBMIT_DETAILS'; patient: PatientData; asapOptIn: boolean }
  /** `idempotencyKey` is a fresh key, used only when no failed submission is being retried. */
  | { type: 'CONFIRM'; idempotencyKey: string }
  | { type: 'BOOKED'; appointmentId: string }
  | { type: 'SLOT_TAKEN' }
  /** The portal refused the patient data (422): back to the form, where its errors are shown. */
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

/** Go back to an earlier step, keeping the answers that lead to it. */
function goTo(state: BookingState, step: EditableStep): BookingState {
  const { preset } = state;
  const s = state as Partial<Slotted> & Base;
  if (step === 'insurance') return { step, preset };
  if (step === 'category' && s.insuranceId) return { step, preset, insuranceId: s.insuranceId };
  if (step === 'type' && s.insuranceId && s.categoryId) {
    return { step, preset, insuranceId: s.insuranceId, categoryId: s.categoryId };
  }
  if (step === 'time' && s.insuranceId && s.categoryId && s.typeId) {
    const { insuranceId, categoryId, typeId } = s;
    return { step, preset, insuranceId, categoryId, typeId, slotTaken: false };
  }
  if (step === 'details' && s.insuranceId && s.categoryId && s.typeId && s.availabilityId) {
    const { insuranceId, categoryId, typeId, availabilityId } = s;
    return { step, preset, insuranceId, categoryId, typeId, availabilityId };
  }
  return state;
}

function canGoTo(state: BookingState, step: EditableStep): boolean {
  return ORDER.indexOf(step) < ORDER.indexOf(state.step) && !isSkipped(step, state.preset);
}

function back(state: BookingState): BookingState {
  const step = previousStep(state);
  return step ? goTo(state, step) : state;
}

function edit(state: BookingState, event: EventOf<'EDIT'>): BookingState {
  return canGoTo(state, event.step) ? goTo(state, event.step) : state;
}

const restart = (state: BookingState): BookingState => fromPreset(state.preset);

const TABLE: { [S in Step]: Handlers<S> } = {
  insurance: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_INSURANCE: (s, e) => afterInsurance(s.preset, e.id),
  },
  category: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_CATEGORY: (s, e) => afterCategory(s.preset, s.insuranceId, e.id),
    BACK: back,
    EDIT: edit,
  },
  type: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_TYPE: (s, e) => ({ ...s, step: 'time', typeId: e.id, slotTaken: false }),
    BACK: back,
    EDIT: edit,
  },
  time: {
    START: (_s, e) => fromPreset(e.preset),
    SELECT_SLOT: (s, e) => {
      const { insuranceId, categoryId, typeId, preset } = s;
      return { step: 'details', preset, insuranceId, categoryId, typeId, availabilityId: e.id };
    },
    BACK: back,
    EDIT: edit,
  },
  details: {
    SUBMIT_DETAILS: (s, e) => ({
      ...s,
      step: 'review',
      patient: e.patient,
      asapOptIn: e.asapOptIn,
      submission: null,
    }),
    BACK: back,
    EDIT: edit,
  },
  review: {
    CONFIRM: (s, e) => {
      if (s.submission?.status === SUBMISSION_STATUS.sending) return s;
      const idempotencyKey = s.submission?.idempotencyKey ?? e.idempotencyKey;
      return { ...s, submission: { idempotencyKey, status: SUBMISSION_STATUS.sending } };
    },
    BOOKED: (s, e) => {
      if (s.submission?.status !== SUBMISSION_STATUS.sending) return s;
      const { preset, insuranceId, categoryId, typeId, availabilityId } = s;
      const appointmentId = e.appointmentId;
      return {
        step: 'confirmed',
        preset,
        insuranceId,
        categoryId,
        typeId,
        availabilityId,
        appointmentId,
      };
    },
    SLOT_TAKEN: (s) => {
      if (s.submission?.status !== SUBMISSION_STATUS.sending) return s;
      const { preset, insuranceId, categoryId, typeId } = s;
      return { step: 'time', preset, insuranceId, categoryId, typeId, slotTaken: true };
    },
    DETAILS_REJECTED: (s) => {
      if (s.submission?.status !== SUBMISSION_STATUS.sending) return s;
      const { preset, insuranceId, categoryId, typeId, availabilityId } = s;
      return { step: 'details', preset, insuranceId, categoryId, typeId, availabilityId };
    },
    BOOK_FAILED: (s) =>
      s.submission?.status === SUBMISSION_STATUS.sending
        ? { ...s, submission: { ...s.submission, status: SUBMISSION_STATUS.failed } }
        : s,
    BACK: (s) => (s.submission?.status === SUBMISSION_STATUS.sending ? s : back(s)),
    EDIT: (s, e) => (s.submission?.status === SUBMISSION_STATUS.sending ? s : edit(s, e)),
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

function effectsOf(previous: BookingState, next: BookingState): Effect[] {
  const effects: Effect[] = [];
  if (next.step !== previous.step) {
    effects.push({ type: 'stepChanged', step: next.step, previousStep: previous.step });
  }
  if (
    next.step === 'review' &&
    next.submission?.status === SUBMISSION_STATUS.sending &&
    (previous.step !== 'review' || previous.submission?.status !== SUBMISSION_STATUS.sending)
  ) {
    const { availabilityId, patient, asapOptIn } = next;
    effects.push({
      type: 'book',
      availabilityId,
      patient,
      asapOptIn,
      idempotencyKey: next.submission.idempotencyKey,
    });
  }
  if (next.step === 'confirmed' && previous.step !== 'confirmed') {
    effects.push({ type: 'bookingConfirmed', appointmentId: next.appointmentId });
  }
  return effects;
}
