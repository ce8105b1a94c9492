import { expect } from '@open-wc/testing';
import type { Availability } from '../../src/api/types.js';
import type { BookingApi } from '../../src/booking/booking-api.js';
import { GROUPS, StepData } from '../../src/booking/step-data.js';
import { SEARCH_DAYS, TimeWindow, WINDOW_DAYS } from '../../src/booking/time-window.js';
import { availability, deferred, fakeBookingApi, untilAborted } from './booking-fakes.js';
import { tick } from './http-fakes.js';

const selection = { typeId: 't1', categoryId: 'c1', insuranceId: 'i1' };
/** 10:00 UTC on 10 March 2026: the same day in Berlin (UTC+1). */
const NOON_ISH = new Date('2026-03-10T10:00:00Z');

/** A window on a practice whose zone is known (the institution loaded), at a fixed clock. */
async function setup(overrides: Partial<BookingApi> = {}, now = NOON_ISH) {
  const fake = fakeBookingApi(overrides);
  let changes = 0;
  const data = new StepData(fake.api, () => {});
  const times = new TimeWindow(
    data,
    fake.api,
    () => changes++,
    () => now,
  );
  data.institution();
  await tick();
  const windows = () =>
    fake.of('availabilities').map((c) => {
      const q = c.args[1] as { from: string; to: string };
      return `${q.from}..${q.to}`;
    });
  return { ...fake, data, times, windows, changes: () => changes };
}

describe('TimeWindow', () => {
  it('has no today, window or request before the practice (its zone) is known', () => {
    const fake = fakeBookingApi({ institutions: () => new Promise(() => {}) });
    const data = new StepData(fake.api, () => {});
    const times = new TimeWindow(
      data,
      fake.api,
      () => {},
      () => NOON_ISH,
    );
    times.ensure(selection);
    expect([times.today, times.from, times.to, times.slots()]).to.deep.equal([
      null,
      null,
      null,
      null,
    ]);
    expect(fake.count('availabilities')).to.equal(0);
  });

  it("counts today in the practice's zone, not the browser's", async () => {
    // 23:30 UTC is already the 11th in Berlin, still the 10th in New York.
    const late = new Date('2026-03-10T23:30:00Z');
    expect((await setup({}, late)).times.today).to.equal('2026-03-11');
    const newYork = await setup(
      { institutions: async () => [{ id: 'x', name: 'NY', timeZone: 'America/New_York' }] },
      late,
    );
    expect(newYork.times.today).to.equal('2026-03-10');
  });

  it('loads 14 days from today for the selection, once however often it is ensured', async () => {
    const { times, of, windows } = await setup();
    times.ensure(selection);
    times.ensure(selection);
    expect([times.from, times.to]).to.deep.equal(['2026-03-10', '2026-03-23']);
    expect(WINDOW_DAYS).to.equal(14);
    expect(of('availabilities').map((c) => c.args)).to.deep.equal([
      ['t1', { categoryId: 'c1', insuranceId: 'i1', from: '2026-03-10', to: '2026-03-23' }],
    ]);
    expect(windows()).to.have.length(1);
    await tick();
    expect(times.slots()).to.deep.equal({ status: 'ready', value: [availability('av1')] });
  });

  it('moves later by a window and back earlier without loading a window twice', async () => {
    const { times, windows, changes } = await setup();
    times.ensure(selection);
    times.moveTo('2026-03-24', selection);
    expect([times.from, times.to]).to.deep.equal(['2026-03-24', '2026-04-06']);
    expect(changes()).to.be.greaterThan(0); // the view shows the new range
    times.moveTo('2026-04-07', selection);
    times.moveTo('2026-03-24', selection);
    times.moveTo('2026-03-10', selection);
    expect([times.from, times.to]).to.deep.equal(['2026-03-10', '2026-03-23']);
    expect(windows()).to.deep.equal([
      '2026-03-10..2026-03-23',
      '2026-03-24..2026-04-06',
      '2026-04-07..2026-04-20',
    ]);
  });

  it('never shows days before today: an earlier start is clamped to today', async () => {
    const { times, windows } = await setup();
    times.ensure(selection);
    times.moveTo('2026-03-24', selection);
    times.moveTo('2026-02-24', selection);
    expect(times.from).to.equal('2026-03-10');
    expect(windows()).to.deep.equal(['2026-03-10..2026-03-23', '2026-03-24..2026-04-06']);
  });

  it('starts again at today for another selection', async () => {
    const { times, of } = await setup();
    times.ensure(selection);
    times.moveTo('2026-03-24', selection);
    times.ensure({ ...selection, typeId: 't2' });
    expect(times.from).to.equal('2026-03-10');
    expect(of('availabilities').map((c) => c.args[0])).to.deep.equal(['t1', 't1', 't2']);
  });

  it('a late answer for a window left behind does not replace the shown one', async () => {
    const first = deferred<Availability[]>();
    let n = 0;
    const { times } = await setup({
      availabilities: async () => (n++ === 0 ? first.promise : [availability('later')]),
    });
    times.ensure(selection);
    times.moveTo('2026-03-24', selection);
    await tick();
    first.resolve([availability('old')]);
    await tick();
    expect(times.slots()).to.deep.equal({ status: 'ready', value: [availability('later')] });
  });

  describe('after an empty window', () => {
    it('searches for the first free time from the day after it, once', async () => {
      const { times, of, count } = await setup({ availabilities: async () => [] });
      times.ensure(selection);
      expect(count('firstAvailable')).to.equal(0); // the window is not known to be empty yet
      await tick();
      times.ensure(selection); // the render after the empty answer
      times.ensure(selection);
      expect(of('firstAvailable').map((c) => c.args)).to.deep.equal([
        ['t1', { categoryId: 'c1', insuranceId: 'i1', from: '2026-03-24', maxDays: SEARCH_DAYS }],
      ]);
      await tick();
      expect(times.firstAfter()).to.deep.equal({
        status: 'ready',
        value: { availability: null, searchedUntil: '2026-03-24' },
      });
      expect(count('firstAvailable')).to.equal(1);
    });

    it('does not search after a window with times', async () => {
      const { times, count } = await setup();
      times.ensure(selection);
      await tick();
      times.ensure(selection);
      expect(count('firstAvailable')).to.equal(0);
    });

    it('searches after the window shown, when a later one is empty too', async () => {
      const { times, of } = await setup({ availabilities: async () => [] });
      times.ensure(selection);
      times.moveTo('2026-03-24', selection);
      await tick();
      times.ensure(selection);
      // The search moves with the window: it starts after the one shown.
      expect(of('firstAvailable').map((c) => (c.args[1] as { from: string }).from)).to.deep.equal([
        '2026-04-07',
      ]);
    });
  });

  it('has no search before any window', async () => {
    const { times, count } = await setup();
    expect(times.firstAfter()).to.equal(null);
    expect(count('firstAvailable')).to.equal(0);
  });

  it('forgetCurrent() loads the shown window again (a slot was taken)', async () => {
    const { times, windows } = await setup();
    times.ensure(selection);
    await tick();
    times.forgetCurrent();
    times.ensure(selection);
    expect(windows()).to.deep.equal(['2026-03-10..2026-03-23', '2026-03-10..2026-03-23']);
  });

  it("puts its loads in the time step's group (aborted when the patient leaves it)", async () => {
    const { times, data, calls } = await setup({
      availabilities: (_t, _q, signal) => untilAborted(signal),
    });
    times.ensure(selection);
    data.store.abortGroup(GROUPS.times);
    expect(calls.find((c) => c.method === 'availabilities')!.signal.aborted).to.equal(true);
  });
});
