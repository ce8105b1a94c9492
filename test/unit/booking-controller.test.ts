import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import type { BookInput, BookingApi } from '../../src/booking/booking-api.js';
import { BookingController } from '../../src/booking/controller.js';
import type { Preset } from '../../src/booking/steps.js';
import type { BookingErrorDetail } from '../../src/contract/events.js';
import { availability, bookedAppointment, fakeBookingApi, untilAborted } from './booking-fakes.js';
import { tick } from './http-fakes.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * A host like the root element: an element to dispatch the public events on, whose update (after
 * requestUpdate, batched) asks the controller for the current step's data, as `willUpdate` does.
 */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  let pending = false;
  let booking: BookingController | null = null;
  const host: Host = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (booking?.started) booking.ensureStepData();
      });
    },
    updateComplete: Promise.resolve(true),
  });
  return { host, controllers, attach: (b: BookingController) => (booking = b) };
}

function setup(overrides: Partial<BookingApi> = {}) {
  const fake = fakeBookingApi(overrides);
  const { host, controllers, attach } = fakeHost();
  const errors: BookingErrorDetail[] = [];
  host.addEventListener('booking-error', (e) => errors.push(e.detail));
  const booking = new BookingController(host, {
    api: fake.api,
    isGuest: () => true,
    newKey: () => 'key-1',
    now: () => new Date('2026-03-10T10:00:00Z'),
  });
  attach(booking);
  return { ...fake, host, controllers, booking, errors };
}

/** Lets the loads answer and the host re-render (a few rounds: each answer may start another). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await tick();
};

describe('BookingController', () => {
  it('registers with its host', () => {
    const { booking, controllers } = setup();
    expect(controllers).to.deep.equal([booking]);
  });

  describe("the time step's requests", () => {
    /** On the time step for type t1, its availabilities request still open. */
    async function onTimeStep() {
      const s = setup({ availabilities: (_t, _q, signal) => untilAborted(signal) });
      await s.booking.start({ insuranceId: 'i1', categoryId: 'c1' });
      s.booking.send({ type: 'SELECT_TYPE', id: 't1', categoryId: 'c1' });
      await settle();
      expect(s.booking.state.step).to.equal('time');
      expect(s.count('availabilities')).to.equal(1);
      return { ...s, request: s.of('availabilities')[0]! };
    }

    it('going back from the time step aborts its availabilities request', async () => {
      const { booking, request, errors } = await onTimeStep();
      expect(request.signal.aborted).to.equal(false);
      booking.send({ type: 'BACK' });
      expect(booking.state.step).to.equal('type');
      expect(request.signal.aborted).to.equal(true);
      await settle();
      expect(errors).to.deep.equal([]); // moving on is no error for the host page
    });

    it('coming back to the time step asks for the aborted window again', async () => {
      const { booking, count, of } = await onTimeStep();
      booking.send({ type: 'BACK' });
      booking.send({ type: 'SELECT_TYPE', id: 't1', categoryId: 'c1' });
      await settle();
      expect(count('availabilities')).to.equal(2);
      expect(of('availabilities')[1]!.signal.aborted).to.equal(false);
    });

    it('the widget leaving the page aborts it too', async () => {
      const { booking, request } = await onTimeStep();
      booking.hostDisconnected();
      expect(request.signal.aborted).to.equal(true);
    });
  });

  describe('the first screen', () => {
    it('asks no insurance where the practice has one: it is chosen, the types load', async () => {
      const { booking, count } = setup({
        insurances: () => Promise.resolve([{ id: 'only', name: 'Only', kind: 'public' }]),
      });
      await booking.start({});
      await booking.loadFlow();
      await settle();
      expect(booking.state).to.deep.equal({ step: 'type', preset: {}, insuranceId: 'only' });
      expect(count('types')).to.equal(1);
    });

    it('loads every category’s types in one request once the insurance is chosen', async () => {
      const { booking, of } = setup();
      await booking.start({});
      booking.send({ type: 'SELECT_INSURANCE', id: 'i1' });
      await settle();
      expect(of('types').map((c) => c.args[0])).to.deep.equal([{ insuranceId: 'i1' }]);
    });
  });

  describe('booking from the details step', () => {
    it('a failed booking keeps what was typed, and Retry resends it with the same key', async () => {
      let calls = 0;
      const keys: string[] = [];
      const { booking } = setup({
        book: (input) => {
          keys.push(input.idempotencyKey);
          calls++;
          return calls === 1
            ? Promise.reject(new ApiError('down', 'server', 503))
            : Promise.resolve(bookedAppointment);
        },
      });
      await booking.start({ insuranceId: 'i1', categoryId: 'c1', typeId: 't1' });
      booking.selectSlot(availability('av1'));
      await settle();
      booking.submit({ first_name: 'Erika' }, false);
      await settle();
      expect(booking.state).to.deep.include({ step: 'details' });
      expect(booking.draft).to.deep.equal({ first_name: 'Erika' });
      expect(booking.bookingError).to.include({ code: 'server' });
      booking.retry();
      await settle();
      expect(booking.state.step).to.equal('confirmed');
      expect(keys).to.deep.equal(['key-1', 'key-1']);
    });

    it('a taken slot leads back to the times with the details kept', async () => {
      const { booking } = setup({
        book: () => Promise.reject(new ApiError('taken', 'availability_taken', 409)),
      });
      await booking.start({ insuranceId: 'i1', categoryId: 'c1', typeId: 't1' });
      booking.selectSlot(availability('av1'));
      booking.submit({ first_name: 'Erika' }, false);
      await settle();
      expect(booking.state).to.deep.include({ step: 'time', slotTaken: true });
      expect(booking.draft).to.deep.equal({ first_name: 'Erika' });
    });
  });

  describe('a preselection (preset) is checked against the catalogue', () => {
    async function startWith(preset: Preset, overrides: Partial<BookingApi> = {}) {
      const s = setup(overrides);
      const starting = s.booking.start(preset);
      expect(s.booking.started).to.equal(false); // the root shows a loading state meanwhile
      await starting;
      expect(s.booking.started).to.equal(true);
      return s;
    }

    it('a fitting one skips the steps it answers', async () => {
      const { booking, errors, count } = await startWith({
        insuranceId: 'i1',
        categoryId: 'c1',
        typeId: 't1',
      });
      expect(booking.state).to.deep.include({
        step: 'time',
        insuranceId: 'i1',
        categoryId: 'c1',
        typeId: 't1',
      });
      expect(booking.notice).to.equal(null);
      expect(errors).to.deep.equal([]);
      expect([count('insurances'), count('categories'), count('types')]).to.deep.equal([1, 1, 1]);
    });

    it('a type without its category is looked up for the category', async () => {
      const { booking, of } = await startWith({ insuranceId: 'i1', typeId: 't1' });
      expect(of('type').map((c) => c.args)).to.deep.equal([['t1']]);
      expect(booking.state).to.deep.include({ step: 'time', categoryId: 'c1', typeId: 't1' });
    });

    it('an unknown insurance is dropped with everything after it, and reported', async () => {
      const { booking, errors } = await startWith({
        insuranceId: 'i-unknown',
        categoryId: 'c1',
        typeId: 't1',
      });
      expect(booking.state).to.deep.equal({ step: 'type', preset: {} });
      expect(booking.notice).to.include({ code: 'not_found', status: 404 });
      expect(errors).to.deep.equal([
        {
          code: 'not_found',
          message: 'A requested or preselected item does not exist.',
          status: 404,
          setting: 'insurance-id',
        },
      ]);
    });

    it('an unknown category keeps the insurance', async () => {
      const { booking, errors } = await startWith({ insuranceId: 'i1', categoryId: 'c-unknown' });
      expect(booking.state).to.deep.equal({
        step: 'type',
        preset: { insuranceId: 'i1' },
        insuranceId: 'i1',
      });
      expect(errors.map((e) => e.code)).to.deep.equal(['not_found']);
    });

    it('an unknown type keeps the insurance and the category', async () => {
      const { booking } = await startWith({
        insuranceId: 'i1',
        categoryId: 'c1',
        typeId: 't-unknown',
      });
      expect(booking.state).to.include({ step: 'type', insuranceId: 'i1', categoryId: 'c1' });
      expect(booking.notice).to.include({ code: 'not_found' });
    });

    it('an unknown type given alone keeps a fitting insurance and is reported once', async () => {
      const { booking, errors } = await startWith(
        { insuranceId: 'i1', typeId: 't-unknown' },
        { type: () => Promise.reject(new ApiError('GET type: 404', 'not_found', 404)) },
      );
      expect(booking.state).to.include({ step: 'type', insuranceId: 'i1' });
      expect(booking.notice).to.include({ code: 'not_found' });
      expect(errors.map((e) => e.code)).to.deep.equal(['not_found']);
    });

    it('a portal failure during the check starts at the beginning, reported once', async () => {
      const { booking, errors } = await startWith(
        { insuranceId: 'i1', categoryId: 'c1' },
        { insurances: () => Promise.reject(new ApiError('boom', 'server', 500)) },
      );
      expect(booking.state).to.deep.equal({ step: 'type', preset: {} });
      expect(booking.notice).to.equal(null); // the step shows it, with a retry
      expect(errors.map((e) => e.code)).to.deep.equal(['server']);
    });
  });

  describe('the booking-error event', () => {
    it('carries only code, message and status: never the portal text', async () => {
      const { booking, errors } = setup({
        insurances: () =>
          Promise.reject(
            new ApiError(
              'insurance lookup failed for erika@example.com',
              'server',
              502,
              [{ field: 'patient_data.email', message: 'erika@example.com' }],
              'upstream_down',
            ),
          ),
      });
      await booking.start({});
      await settle();
      expect(errors).to.deep.equal([
        { code: 'server', message: 'The portal had a server error.', status: 502, setting: null },
      ]);
    });

    it('has no status when none applies', async () => {
      const { booking, errors } = setup({ insurances: () => Promise.reject(new TypeError('x')) });
      await booking.start({});
      await settle();
      expect(errors).to.have.length(1);
      expect(Object.keys(errors[0]!).sort()).to.deep.equal(['code', 'message', 'setting']);
      expect(errors[0]!.code).to.equal('network');
    });

    it("sends the form's note with the booking, and forgets it with the patient", async () => {
      const sent: BookInput[] = [];
      const { booking, errors } = setup({
        book: (input) => {
          sent.push(input);
          return Promise.reject(new ApiError('down', 'network'));
        },
      });
      await booking.start({ insuranceId: 'i1', categoryId: 'c1', typeId: 't1' });
      booking.selectSlot(availability('av1'));
      const patient = { first_name: 'Erika', email: 'erika@example.com' };
      booking.setDraft(patient, false, 'Bitte Rückruf.');
      booking.submit(patient, false);
      await settle();
      expect(sent.map((i) => i.note)).to.deep.equal(['Bitte Rückruf.']);
      expect(JSON.stringify(errors)).not.to.contain('Rückruf');
      booking.prefill(null, {});
      expect(booking.note).to.equal('');
    });

    it('leaves the field errors of a refused booking out (they may echo what was typed)', async () => {
      const refused = new ApiError('email erika@ invalid', 'validation', 422, [
        { field: 'patient_data.email', message: 'erika@ is not an email' },
      ]);
      const { booking, errors } = setup({ book: () => Promise.reject(refused) });
      await booking.start({ insuranceId: 'i1', categoryId: 'c1', typeId: 't1' });
      booking.selectSlot(availability('av1'));
      booking.submit({ first_name: 'Erika', email: 'erika@' }, false);
      await settle();
      expect(booking.state).to.deep.include({ step: 'details', submission: null }); // fields marked
      expect(booking.draft).to.deep.equal({ first_name: 'Erika', email: 'erika@' }); // kept
      booking.hostDisconnected(); // typed details ask before the page is left: not in a test
      expect(booking.fieldErrors).to.deep.equal(refused.fieldErrors);
      expect(errors).to.deep.equal([
        {
          code: 'validation',
          message: 'The portal refused the submitted data.',
          status: 422,
          setting: null,
        },
      ]);
    });
  });
});
