import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { GROUPS, StepData } from '../../src/booking/step-data.js';
import { appointmentType, deferred, fakeBookingApi } from './booking-fakes.js';
import { rejection, tick } from './http-fakes.js';

function setup(overrides: Parameters<typeof fakeBookingApi>[0] = {}) {
  const fake = fakeBookingApi(overrides);
  let changes = 0;
  const errors: ApiError[] = [];
  const data = new StepData(
    fake.api,
    () => changes++,
    (e) => errors.push(e),
  );
  return { ...fake, data, errors, changes: () => changes };
}

/** What the controller asks for on each step (its `ensureStepData`), as a render would. */
function visit(data: StepData, step: 'type' | 'time' | 'details') {
  data.institution();
  data.insurances();
  if (step === 'type') {
    data.types('i1');
    data.categories('i1');
    data.locations();
  }
  if (step === 'time' || step === 'details') {
    data.type('t1', 'i1');
    data.locations();
  }
}

describe('StepData', () => {
  it('fetches what each step shows, with the chosen ids', async () => {
    const { data, calls } = setup();
    data.insurances();
    data.categories('i1');
    data.types('i1');
    await tick();
    expect(calls.map((c) => [c.method, ...c.args])).to.deep.equal([
      ['insurances'],
      ['categories', { insuranceId: 'i1' }],
      ['types', { insuranceId: 'i1' }], // every category's types in one request
    ]);
    expect(data.insurances()).to.have.nested.property('value[0].id', 'i1');
    expect(data.types('i1')).to.deep.equal({
      status: 'ready',
      value: [appointmentType('t1', 'c1')],
    });
  });

  it('returns the resource as it stands: loading first, ready once answered', async () => {
    const answer = deferred<[]>();
    const { data, changes } = setup({ locations: () => answer.promise });
    expect(data.locations()).to.deep.equal({ status: 'loading' });
    answer.resolve([]);
    await tick();
    expect(data.locations()).to.deep.equal({ status: 'ready', value: [] });
    expect(changes()).to.equal(2);
  });

  it('going back and forth between the steps fetches nothing twice', async () => {
    const { data, count } = setup();
    const path = ['type', 'time', 'details'] as const;
    for (const step of path) {
      visit(data, step);
      await tick(); // each step is shown with its data before the next
    }
    for (const step of [...path].reverse()) {
      visit(data, step);
      await tick();
    }
    for (const step of path) visit(data, step);
    await tick();
    expect({
      institutions: count('institutions'),
      insurances: count('insurances'),
      categories: count('categories'),
      types: count('types'),
      locations: count('locations'),
    }).to.deep.equal({ institutions: 1, insurances: 1, categories: 1, types: 1, locations: 1 });
    // The time step's type came from the first screen's list, not by id.
    expect(count('type')).to.equal(0);
  });

  it('shares one request between steps that ask at the same time', () => {
    const { data, count } = setup();
    data.locations(); // the type step...
    data.locations(); // ...and the time step, before the first answer
    expect(count('locations')).to.equal(1);
  });

  it('asks again for another insurance (its own lists)', async () => {
    const { data, of } = setup();
    data.categories('i1');
    data.categories('i2');
    data.types('i1');
    data.types('i2');
    data.categories('i1');
    await tick();
    expect(of('categories').map((c) => c.args)).to.deep.equal([
      [{ insuranceId: 'i1' }],
      [{ insuranceId: 'i2' }],
    ]);
    expect(of('types')).to.have.length(2);
  });

  describe('type()', () => {
    it("takes the type from the insurance's loaded list", async () => {
      const { data, count } = setup();
      data.types('i1');
      await tick();
      expect(data.type('t1', 'i1')).to.deep.equal({
        status: 'ready',
        value: appointmentType('t1', 'c1'),
      });
      expect(count('type')).to.equal(0);
    });

    it('fetches a type by id (once) when its list is not loaded: a preselected type', async () => {
      const { data, of } = setup();
      expect(data.type('t7', 'i1')).to.deep.equal({ status: 'loading' });
      data.type('t7', 'i1');
      await tick();
      expect(data.type('t7', 'i1')).to.deep.equal({
        status: 'ready',
        value: appointmentType('t7'),
      });
      expect(of('type').map((c) => c.args)).to.deep.equal([['t7']]);
    });

    it('fetches a type by id when its loaded list does not have it', async () => {
      const { data, count } = setup();
      data.types('i1');
      await tick();
      data.type('t9', 'i1');
      expect(count('type')).to.equal(1);
    });
  });

  describe('institution()', () => {
    it('is the first institution of the tenant', async () => {
      const { data } = setup({
        institutions: async () => [
          { id: 'a', name: 'First', timeZone: 'Europe/Vienna' },
          { id: 'b', name: 'Second', timeZone: 'Europe/Berlin' },
        ],
      });
      data.institution();
      await tick();
      expect(data.institution()).to.deep.equal({
        status: 'ready',
        value: { id: 'a', name: 'First', timeZone: 'Europe/Vienna' },
      });
    });

    it('is a configuration error when the tenant has none', async () => {
      const { data, errors } = setup({ institutions: async () => [] });
      data.institution();
      await tick();
      expect(errors.map((e) => e.code)).to.deep.equal(['config']);
      expect(data.institution()).to.have.property('status', 'error');
    });
  });

  it('reads a 404 on a list every portal has as a wrong API URL (config), keeping the status', async () => {
    const notFound = new ApiError('GET /insurances: 404', 'not_found', 404);
    const { data, errors } = setup({
      insurances: () => Promise.reject(notFound),
      categories: () => Promise.reject(notFound),
    });
    data.insurances();
    data.categories('i1');
    await tick();
    const codeOf = (r: ReturnType<StepData['insurances' | 'categories']>) =>
      r.status === 'error' ? [r.error.code, r.error.status] : r.status;
    expect(codeOf(data.insurances())).to.deep.equal(['config', 404]);
    expect(codeOf(data.categories('i1'))).to.deep.equal(['not_found', 404]); // the item is gone
    expect(errors).to.have.length(2);
    const config = data.insurances();
    expect(config.status === 'error' && config.error.message).to.contain('not a patient API');
  });

  it('keeps a failure until retry, then fetches again', async () => {
    let fail = true;
    const { data, count, errors } = setup({
      insurances: async () => {
        if (fail) throw new ApiError('down', 'server', 503);
        return [];
      },
    });
    data.insurances();
    await tick();
    data.insurances(); // a re-render while the error is shown
    expect(count('insurances')).to.equal(1);
    expect(errors).to.have.length(1);
    fail = false;
    data.store.retryFailed();
    data.insurances();
    await tick();
    expect(count('insurances')).to.equal(2);
    expect(data.insurances()).to.deep.equal({ status: 'ready', value: [] });
  });

  it('ready.* are the same loads as promises, for checks that wait', async () => {
    const { data, count } = setup({ type: () => Promise.reject(new ApiError('x', 'server', 500)) });
    expect(await data.ready.insurances()).to.have.length(2);
    data.insurances();
    expect(count('insurances')).to.equal(1);
    expect(await data.ready.categories('i1')).to.deep.equal([{ id: 'c1', name: 'Check-ups' }]);
    expect(await data.ready.types('i1')).to.have.length(1);
    expect(await rejection(data.ready.type('t1'))).to.have.property('code', 'server');
  });

  it("keeps catalogue loads when the time step's loads are aborted", () => {
    const { data, calls } = setup({ insurances: () => new Promise(() => {}) });
    data.insurances();
    data.store.abortGroup(GROUPS.times);
    expect(calls[0]!.signal.aborted).to.equal(false);
    expect(data.insurances()).to.deep.equal({ status: 'loading' });
  });
});
