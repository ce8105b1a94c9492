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
  /** The first screen before the insurance is chosen. */
  type0: { step: 'type', preset },
  type: { step: 'type', preset, insuranceId: 'i1' },
  /** The first screen after "Change" on the details step: every choice kept. */
  typeKept: { step: 'type', preset, ...ids, returnTo: 'details' },
  time: {
    step: 'time',
    preset,
    insuranceId: 'i1',
    categoryId: 'c1',
    typeId: 't1',
    slotTaken: false,
  },
  details: { step: 'details', preset, ...ids, submission: null },
  sending: {
    step: 'details',
    preset,
    ...ids,
    submission: { idempotencyKey: 'k1', status: 'sending', patient, asapOptIn: false },
  },
  failed: {
    step: 'details',
    preset,
    ...ids,
    submission: { idempotencyKey: 'k1', status: 'failed', patient, asapOptIn: true },
  },
  confirmed: { step: 'confirmed', preset, ...ids, appointmentId: 'ap1' },
};

const EVENTS: Record<string, BookingEvent> = {
  START: { type: 'START', preset: { insuranceId: 'i9' } },
  SELECT_INSURANCE: { type: 'SELECT_INSURANCE', id: 'i2' },
  SELECT_CATEGORY: { type: 'SELECT_CATEGORY', id: 'c2' },
  SELECT_TYPE: { type: 'SELECT_TYPE', id: 't2', categoryId: 'c2' },
  SELECT_SLOT: { type: 'SELECT_SLOT', id: 'a2' },
  SUBMIT: { type: 'SUBMIT', patient, asapOptIn: false, idempotencyKey: 'k2' },
  RETRY: { type: 'RETRY' },
  BOOKED: { type: 'BOOKED', appointmentId: 'ap2' },
  SLOT_TAKEN: { type: 'SLOT_TAKEN' },
  DETAILS_REJECTED: { type: 'DETAILS_REJECTED' },
  BOOK_FAILED: { type: 'BOOK_FAILED' },
  BACK: { type: 'BACK' },
  EDIT_TYPE: { type: 'EDIT', step: 'type' },
  EDIT_TIME: { type: 'EDIT', step: 'time' },
  RESTART: { type: 'RESTART' },
};

// Expected step after each event, '=' for "same state object, no effects".
// Columns follow the order of EVENTS above.
// prettier-ignore
const EXPECTED: Record<string, string[]> = {
  //         START   INSUR.  CATEG.  TYPE    SLOT       SUBMIT     RETRY      BOOKED       TAKEN   REJECTED   FAILED     BACK    EDIT_T  EDIT_TI RESTART
  type0:    ['type', 'type', 'type', '=',    '=',       '=',       '=',       '=',         '=',    '=',       '=',       '=',    '=',    '=',    '='],
  type:     ['type', 'type', 'type', 'time', '=',       '=',       '=',       '=',         '=',    '=',       '=',       '=',    '=',    '=',    '='],
  typeKept: ['type', 'type', 'type', 'time', '=',       '=',       '=',       '=',         '=',    '=',       '=',       '=',    '=',    '=',    '='],
  time:     ['type', '=',    '=',    '=',    'details', '=',       '=',       '=',         '=',    '=',       '=',       'type', 'type', '=',    '='],
  details:  ['=',    '=',    '=',    '=',    '=',       'details', '=',       '=',         '=',    '=',       '=',       'time', 'type', 'time', '='],
  sending:  ['=',    '=',    '=',    '=',    '=',       '=',       '=',       'confirmed', 'time', 'details', 'details', '=',    '=',    '=',    '='],
  failed:   ['=',    '=',    '=',    '=',    '=',       'details', 'details', '=',         '=',    '=',       '=',       'time', 'type', 'time', '='],
  confirmed:['=',    '=',    '=',    '=',    '=',       '=',       '=',       '=',         '=',    '=',       '=',       '=',    '=',    '=',    'type'],
};

const next = (state: BookingState, ...events: BookingEvent[]): BookingState =>
  events.reduce((s, e) => transition(s, e).state, state);

describe('booking machine', () => {
  describe('every state × event', () => {
    for (const [stateName, state] of Object.entries(STATES)) {
      Object.entries(EVENTS).forEach(([eventName, event], column) => {
        const expected = EXPECTED[stateName]![column]!;
        it(`${stateName} + ${eventName} → ${expected}`, () => {
          const { state: after, effects } = transition(state, event);
          if (expected === '=') {
            expect(after).to.equal(state);
            expect(effects).to.deep.equal([]);
          } else {
            expect(after).to.not.equal(state);
            expect(after.step).to.equal(expected);
          }
        });
      });
    }
  });

  it('emits stepChanged with the previous step, and none on the first screen’s own choices', () => {
    const chosen = transition(STATES.type0!, EVENTS.SELECT_INSURANCE!);
    expect(chosen.effects).to.deep.equal([]);
    const { effects } = transition(STATES.type!, EVENTS.SELECT_TYPE!);
    expect(effects).to.deep.equal([{ type: 'stepChanged', step: 'time', previousStep: 'type' }]);
  });

  it('a type leads to the time with its category', () => {
    expect(transition(STATES.type!, EVENTS.SELECT_TYPE!).state).to.deep.equal({
      step: 'time',
      preset,
      insuranceId: 'i1',
      categoryId: 'c2',
      typeId: 't2',
      slotTaken: false,
    });
  });

  it('a type before the insurance does nothing', () => {
    expect(transition(STATES.type0!, EVENTS.SELECT_TYPE!).state).to.equal(STATES.type0);
  });

  describe('Back and Change keep the choices', () => {
    it('BACK from the details keeps the chosen time, shown as chosen', () => {
      expect(next(STATES.details!, EVENTS.BACK!)).to.deep.equal({
        ...STATES.time!,
        availabilityId: 'a+/=',
      });
    });

    it('BACK from the time keeps insurance, category, type (and a time chosen before)', () => {
      const time = next(STATES.details!, EVENTS.BACK!);
      expect(next(time, EVENTS.BACK!)).to.deep.equal({ step: 'type', preset, ...ids });
    });

    it('the same type again after BACK leads to the time with the time kept', () => {
      const first = next(STATES.details!, EVENTS.BACK!, EVENTS.BACK!);
      const again = next(first, { type: 'SELECT_TYPE', id: 't1', categoryId: 'c1' });
      expect(again).to.deep.equal({ ...STATES.time!, availabilityId: 'a+/=' });
    });

    it('"Change" of the type on the details returns there when the same type is chosen', () => {
      const first = next(STATES.details!, EVENTS.EDIT_TYPE!);
      expect(first).to.deep.equal(STATES.typeKept);
      const back = next(first, { type: 'SELECT_TYPE', id: 't1', categoryId: 'c1' });
      expect(back).to.deep.equal(STATES.details);
    });

    it('another type forgets the time (it belonged to the old type)', () => {
      const other = next(STATES.typeKept!, EVENTS.SELECT_TYPE!);
      expect(other).to.deep.equal({
        step: 'time',
        preset,
        insuranceId: 'i1',
        categoryId: 'c2',
        typeId: 't2',
        slotTaken: false,
      });
    });

    it('another insurance keeps the type (and category) but not the time', () => {
      const changed = next(STATES.typeKept!, EVENTS.SELECT_INSURANCE!);
      expect(changed).to.deep.equal({
        step: 'type',
        preset,
        insuranceId: 'i2',
        categoryId: 'c1',
        typeId: 't1',
      });
      const on = next(changed, { type: 'SELECT_TYPE', id: 't1', categoryId: 'c1' });
      expect(on).to.deep.equal({ ...STATES.time!, insuranceId: 'i2' });
    });

    it('the same insurance again changes nothing', () => {
      const same = transition(STATES.typeKept!, { type: 'SELECT_INSURANCE', id: 'i1' });
      expect(same.state).to.equal(STATES.typeKept);
    });

    it('"Change" of the time on the details keeps it shown as chosen', () => {
      expect(next(STATES.details!, EVENTS.EDIT_TIME!)).to.deep.equal({
        ...STATES.time!,
        availabilityId: 'a+/=',
      });
    });

    it('a category filter keeps the other choices', () => {
      expect(next(STATES.typeKept!, EVENTS.SELECT_CATEGORY!)).to.deep.equal({
        ...STATES.typeKept!,
        categoryId: 'c2',
      });
    });

    it('neither BACK nor "Change" while the booking is sent', () => {
      expect(transition(STATES.sending!, EVENTS.BACK!).state).to.equal(STATES.sending);
      expect(transition(STATES.sending!, EVENTS.EDIT_TYPE!).state).to.equal(STATES.sending);
    });
  });

  describe('booking from the details', () => {
    it('books once with a fresh key', () => {
      const { state, effects } = transition(STATES.details!, EVENTS.SUBMIT!);
      expect(state.step === 'details' && state.submission).to.deep.equal({
        idempotencyKey: 'k2',
        status: 'sending',
        patient,
        asapOptIn: false,
      });
      expect(effects).to.deep.equal([
        { type: 'book', availabilityId: 'a+/=', patient, asapOptIn: false, idempotencyKey: 'k2' },
      ]);
    });

    it('ignores a second submit while sending (a double click gives one booking)', () => {
      const once = next(STATES.details!, EVENTS.SUBMIT!);
      const twice = transition(once, { ...EVENTS.SUBMIT!, idempotencyKey: 'k3' } as BookingEvent);
      expect(twice.state).to.equal(once);
      expect(twice.effects).to.deep.equal([]);
    });

    it('RETRY resends the failed data with its key', () => {
      const { effects } = transition(STATES.failed!, EVENTS.RETRY!);
      expect(effects).to.deep.equal([
        { type: 'book', availabilityId: 'a+/=', patient, asapOptIn: true, idempotencyKey: 'k1' },
      ]);
    });

    it('submitting the same data again after a failure reuses its key', () => {
      const same = {
        type: 'SUBMIT',
        patient: { ...patient },
        asapOptIn: true,
        idempotencyKey: 'k9',
      };
      const { effects } = transition(STATES.failed!, same as BookingEvent);
      expect(effects).to.deep.equal([
        { type: 'book', availabilityId: 'a+/=', patient, asapOptIn: true, idempotencyKey: 'k1' },
      ]);
    });

    it('changed data after a failure is a new booking with a new key', () => {
      const changed = { ...patient, last_name: 'Musterfrau' };
      const { effects } = transition(STATES.failed!, {
        type: 'SUBMIT',
        patient: changed,
        asapOptIn: true,
        idempotencyKey: 'k9',
      });
      expect(effects).to.deep.equal([
        {
          type: 'book',
          availabilityId: 'a+/=',
          patient: changed,
          asapOptIn: true,
          idempotencyKey: 'k9',
        },
      ]);
    });

    it('a failure keeps the data and the key for the retry', () => {
      const { state } = transition(STATES.sending!, EVENTS.BOOK_FAILED!);
      expect(state).to.deep.equal({
        ...STATES.sending!,
        submission: { idempotencyKey: 'k1', status: 'failed', patient, asapOptIn: false },
      });
    });

    it('refused details stay on the form, ready for a new submit', () => {
      const { state, effects } = transition(STATES.sending!, EVENTS.DETAILS_REJECTED!);
      expect(state).to.deep.equal(STATES.details);
      expect(effects).to.deep.equal([]);
    });

    it('confirms with the appointment id', () => {
      const { state, effects } = transition(STATES.sending!, EVENTS.BOOKED!);
      expect(state.step === 'confirmed' && state.appointmentId).to.equal('ap2');
      expect(effects).to.deep.include({ type: 'bookingConfirmed', appointmentId: 'ap2' });
    });

    it('returns to the times with a notice when the slot was taken (the time is forgotten)', () => {
      const { state } = transition(STATES.sending!, EVENTS.SLOT_TAKEN!);
      expect(state).to.deep.equal({ ...STATES.time!, slotTaken: true });
    });
  });

  describe('preselection', () => {
    it('starts on the first screen with what is preselected, or at the time', () => {
      expect(initialState({ insuranceId: 'i' })).to.deep.equal({
        step: 'type',
        preset: { insuranceId: 'i' },
        insuranceId: 'i',
      });
      expect(initialState({ categoryId: 'c', typeId: 't' })).to.deep.include({
        step: 'type',
        categoryId: 'c',
        typeId: 't',
      });
      expect(initialState({ insuranceId: 'i', categoryId: 'c', typeId: 't' }).step).to.equal(
        'time',
      );
    });

    it('back never lands on a skipped step', () => {
      const p = { insuranceId: 'i', categoryId: 'c', typeId: 't' };
      const time = initialState(p);
      expect(previousStep(time)).to.equal(null);
      expect(transition(time, EVENTS.BACK!).state).to.equal(time);
      expect(transition(time, EVENTS.EDIT_TYPE!).state).to.equal(time);
      expect(isSkipped('type', p)).to.equal(true);
      expect(isSkipped('type', { typeId: 't' })).to.equal(false);
    });

    it('restart returns to the first step the preset leaves open', () => {
      const confirmed = { ...STATES.confirmed!, preset: { insuranceId: 'i' } } as BookingState;
      expect(transition(confirmed, EVENTS.RESTART!).state).to.deep.equal({
        step: 'type',
        preset: { insuranceId: 'i' },
        insuranceId: 'i',
      });
    });
  });
});
