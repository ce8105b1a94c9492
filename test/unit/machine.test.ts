import { expect } from '@open-wc/testing';
import {
  initialState,
  isSkipped,
  previousStep,
  transition,
  type BookingEvent,
  type BookingState,
} from '../../src/booking/machine.js';

const preset = {};
const ids = { insuranceId: 'i1', categoryId: 'c1', typeId: 't1', availabilityId: 'a+/=' };
const patient = { first_name: 'Erika', last_name: 'Muster', email: 'e@example.com' };

const STATES: Record<string, BookingState> = {
  insurance: { step: 'insurance', preset },
  category: { step: 'category', preset, insuranceId: 'i1' },
  type: { step: 'type', preset, insuranceId: 'i1', categoryId: 'c1' },
  time: {
    step: 'time',
    preset,
    insuranceId: 'i1',
    categoryId: 'c1',
    typeId: 't1',
    slotTaken: false,
  },
  details: { step: 'details', preset, ...ids },
  review: { step: 'review', preset, ...ids, patient, asapOptIn: false, submission: null },
  sending: {
    step: 'review',
    preset,
    ...ids,
    patient,
    asapOptIn: false,
    submission: { idempotencyKey: 'k1', status: 'sending' },
  },
  failed: {
    step: 'review',
    preset,
    ...ids,
    patient,
    asapOptIn: true,
    submission: { idempotencyKey: 'k1', status: 'failed' },
  },
  confirmed: { step: 'confirmed', preset, ...ids, appointmentId: 'ap1' },
};

const EVENTS: Record<string, BookingEvent> = {
  START: { type: 'START', preset: { insuranceId: 'i9' } },
  SELECT_INSURANCE: { type: 'SELECT_INSURANCE', id: 'i2' },
  SELECT_CATEGORY: { type: 'SELECT_CATEGORY', id: 'c2' },
  SELECT_TYPE: { type: 'SELECT_TYPE', id: 't2' },
  SELECT_SLOT: { type: 'SELECT_SLOT', id: 'a2' },
  SUBMIT_DETAILS: { type: 'SUBMIT_DETAILS', patient, asapOptIn: true },
  CONFIRM: { type: 'CONFIRM', idempotencyKey: 'k2' },
  BOOKED: { type: 'BOOKED', appointmentId: 'ap2' },
  SLOT_TAKEN: { type: 'SLOT_TAKEN' },
  DETAILS_REJECTED: { type: 'DETAILS_REJECTED' },
  BOOK_FAILED: { type: 'BOOK_FAILED' },
  BACK: { type: 'BACK' },
  EDIT: { type: 'EDIT', step: 'type' },
  RESTART: { type: 'RESTART' },
};

// Expected step after each event, '=' for "same state object, no effects".
// Columns follow the order of EVENTS above.
const EXPECTED: Record<string, string[]> = {
  // START, SELECT_INSURANCE, _CATEGORY, _TYPE, _SLOT, SUBMIT_DETAILS, CONFIRM, BOOKED, SLOT_TAKEN,
  // DETAILS_REJECTED, BOOK_FAILED, BACK, EDIT(type), RESTART
  insurance: ['category', 'category', '=', '=', '=', '=', '=', '=', '=', '=', '=', '=', '=', '='],
  category: [
    'category',
    '=',
    'type',
    '=',
    '=',
    '=',
    '=',
    '=',
    '=',
    '=',
    '=',
    'insurance',
    '=',
    '=',
  ],
  type: ['category', '=', '=', 'time', '=', '=', '=', '=', '=', '=', '=', 'category', '=', '='],
  time: ['category', '=', '=', '=', 'details', '=', '=', '=', '=', '=', '=', 'type', 'type', '='],
  details: ['=', '=', '=', '=', '=', 'review', '=', '=', '=', '=', '=', 'time', 'type', '='],
  review: ['=', '=', '=', '=', '=', '=', 'review', '=', '=', '=', '=', 'details', 'type', '='],
  sending: [
    '=',
    '=',
    '=',
    '=',
    '=',
    '=',
    '=',
    'confirmed',
    'time',
    'details',
    'review',
    '=',
    '=',
    '=',
  ],
  failed: ['=', '=', '=', '=', '=', '=', 'review', '=', '=', '=', '=', 'details', 'type', '='],
  confirmed: ['=', '=', '=', '=', '=', '=', '=', '=', '=', '=', '=', '=', '=', 'insurance'],
};

describe('booking machine', () => {
  describe('every state × event', () => {
    for (const [stateName, state] of Object.entries(STATES)) {
      Object.entries(EVENTS).forEach(([eventName, event], column) => {
        const expected = EXPECTED[stateName]![column]!;
        it(`${stateName} + ${eventName} → ${expected}`, () => {
          const { state: next, effects } = transition(state, event);
          if (expected === '=') {
            expect(next).to.equal(state);
            expect(effects).to.deep.equal([]);
          } else {
            expect(next.step).to.equal(expected);
          }
        });
      });
    }
  });

  it('emits stepChanged with the previous step', () => {
    const { effects } = transition(STATES.insurance!, EVENTS.SELECT_INSURANCE!);
    expect(effects).to.deep.equal([
      { type: 'stepChanged', step: 'category', previousStep: 'insurance' },
    ]);
  });

  it('keeps the answers that lead to the step it goes back to', () => {
    const { state } = transition(STATES.review!, { type: 'EDIT', step: 'time' });
    expect(state).to.deep.equal({ ...STATES.time!, step: 'time' });
  });

  it('books once with a fresh key on the first confirm', () => {
    const { state, effects } = transition(STATES.review!, EVENTS.CONFIRM!);
    expect(state.step === 'review' && state.submission).to.deep.equal({
      idempotencyKey: 'k2',
      status: 'sending',
    });
    expect(effects).to.deep.equal([
      { type: 'book', availabilityId: 'a+/=', patient, asapOptIn: false, idempotencyKey: 'k2' },
    ]);
  });

  it('ignores a second confirm while sending (double click gives one booking)', () => {
    const once = transition(STATES.review!, EVENTS.CONFIRM!).state;
    const twice = transition(once, { type: 'CONFIRM', idempotencyKey: 'k3' });
    expect(twice.state).to.equal(once);
    expect(twice.effects).to.deep.equal([]);
  });

  it('reuses the idempotency key when retrying a failed submission', () => {
    const { effects } = transition(STATES.failed!, EVENTS.CONFIRM!);
    expect(effects).to.deep.equal([
      { type: 'book', availabilityId: 'a+/=', patient, asapOptIn: true, idempotencyKey: 'k1' },
    ]);
  });

  it('confirms with the appointment id', () => {
    const { state, effects } = transition(STATES.sending!, EVENTS.BOOKED!);
    expect(state.step === 'confirmed' && state.appointmentId).to.equal('ap2');
    expect(effects).to.deep.include({ type: 'bookingConfirmed', appointmentId: 'ap2' });
  });

  it('returns to the times with a notice when the slot was taken', () => {
    const { state } = transition(STATES.sending!, EVENTS.SLOT_TAKEN!);
    expect(state).to.deep.equal({ ...STATES.time!, slotTaken: true });
  });

  it('a new details submission starts a new submission (new key)', () => {
    const { state } = transition(STATES.details!, EVENTS.SUBMIT_DETAILS!);
    expect(state.step === 'review' && state.submission).to.equal(null);
  });

  describe('preselection', () => {
    it('skips to the furthest preselected step', () => {
      expect(initialState({ insuranceId: 'i' }).step).to.equal('category');
      expect(initialState({ insuranceId: 'i', categoryId: 'c' }).step).to.equal('type');
      expect(initialState({ insuranceId: 'i', categoryId: 'c', typeId: 't' }).step).to.equal(
        'time',
      );
    });

    it('a type without insurance starts at insurance, then skips category and type', () => {
      const start = initialState({ categoryId: 'c', typeId: 't' });
      expect(start.step).to.equal('insurance');
      const next = transition(start, { type: 'SELECT_INSURANCE', id: 'i' }).state;
      expect(next).to.deep.include({
        step: 'time',
        insuranceId: 'i',
        categoryId: 'c',
        typeId: 't',
      });
    });

    it('back never lands on a skipped step', () => {
      const p = { insuranceId: 'i', categoryId: 'c', typeId: 't' };
      const time = initialState(p);
      expect(previousStep(time)).to.equal(null);
      expect(transition(time, { type: 'BACK' }).state).to.equal(time);
      expect(transition(time, { type: 'EDIT', step: 'insurance' }).state).to.equal(time);
      expect(isSkipped('type', p)).to.equal(true);
      expect(isSkipped('type', { typeId: 't' })).to.equal(false);
    });

    it('restart returns to the first step the preset leaves open', () => {
      const confirmed: BookingState = {
        ...STATES.confirmed!,
        preset: { insuranceId: 'i' },
      } as BookingState;
      expect(transition(confirmed, EVENTS.RESTART!).state).to.deep.equal({
        step: 'category',
        preset: { insuranceId: 'i' },
        insuranceId: 'i',
      });
    });
  });
});
