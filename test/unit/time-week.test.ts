import { expect } from '@open-wc/testing';
import type { Availability } from '../../src/api/types.js';
import { addDays } from '../../src/time/calendar.js';
import { stripKeys, swipeStep } from '../../src/views/steps/time-keys.js';
import { seekStep, type SeekState } from '../../src/views/steps/time-seek.js';
import { weekDays, windowFor, windowHolds, weekRange } from '../../src/views/steps/time-week.js';

// Friday 20 November 2026; its week starts on Monday the 16th.
const TODAY = '2026-11-20';

describe('time step: weeks and windows', () => {
  it('lists a week Monday to Sunday across a month end', () => {
    expect(weekDays('2026-11-30')).to.deep.equal([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('pairs weeks from today’s week on, never asking for a day before today', () => {
    expect(windowFor('2026-11-16', TODAY)).to.equal(TODAY);
    expect(windowFor('2026-11-23', TODAY)).to.equal(TODAY);
    expect(windowFor('2026-11-30', TODAY)).to.equal('2026-11-30');
    expect(windowFor('2026-12-07', TODAY)).to.equal('2026-11-30');
    expect(windowFor('2026-12-14', TODAY)).to.equal('2026-12-14');
    expect(windowFor('2026-12-14', '')).to.equal('2026-12-14');
  });

  it('every window it asks for holds the week it was asked for (14 days from its start)', () => {
    for (let w = 0; w < 12; w++) {
      const week = addDays('2026-11-16', 7 * w);
      const from = windowFor(week, TODAY);
      expect(windowHolds(from, addDays(from, 13), week, TODAY), week).to.equal(true);
    }
  });

  it('a window holds a week when it covers its days from today on', () => {
    expect(windowHolds(TODAY, '2026-12-03', '2026-11-16', TODAY)).to.equal(true);
    expect(windowHolds(TODAY, '2026-12-03', '2026-11-23', TODAY)).to.equal(true);
    expect(windowHolds(TODAY, '2026-12-03', '2026-11-30', TODAY)).to.equal(false);
    expect(windowHolds('2026-11-23', '2026-12-06', '2026-11-16', TODAY)).to.equal(false);
    expect(windowHolds('', '', '2026-11-16', TODAY)).to.equal(false);
  });

  it('names a week in each language', () => {
    expect(weekRange('de', '2026-11-23')).to.equal('23.–29. Nov. 2026');
    expect(weekRange('en', '2026-11-23')).to.match(/^23\s?–\s?29 Nov 2026$/);
    expect(weekRange('tr', '2026-11-30')).to.contain('Kas').and.contain('Ara');
  });
});

describe('time step: keys and swipes', () => {
  const days = ['2026-11-23', '2026-11-24', '2026-11-26'];

  it('moves between days with times, wrapping; Home and End; Page Up and Down turn the week', () => {
    expect(stripKeys('ArrowRight', days, '2026-11-24')).to.deep.equal({ day: '2026-11-26' });
    expect(stripKeys('ArrowRight', days, '2026-11-26')).to.deep.equal({ day: '2026-11-23' });
    expect(stripKeys('ArrowLeft', days, '2026-11-23')).to.deep.equal({ day: '2026-11-26' });
    expect(stripKeys('Home', days, '2026-11-26')).to.deep.equal({ day: '2026-11-23' });
    expect(stripKeys('End', days, undefined)).to.deep.equal({ day: '2026-11-26' });
    expect(stripKeys('PageDown', [], undefined)).to.deep.equal({ week: 1 });
    expect(stripKeys('PageUp', days, undefined)).to.deep.equal({ week: -1 });
    expect(stripKeys('ArrowRight', [], undefined)).to.equal(undefined);
    expect(stripKeys('a', days, '2026-11-23')).to.equal(undefined);
  });

  it('turns the week on a long sideways swipe only', () => {
    const start = { x: 200, y: 100 };
    expect(swipeStep(start, { clientX: 100, clientY: 110 })).to.equal(1);
    expect(swipeStep(start, { clientX: 300, clientY: 90 })).to.equal(-1);
    expect(swipeStep(start, { clientX: 170, clientY: 100 })).to.equal(undefined);
    expect(swipeStep(start, { clientX: 100, clientY: 160 })).to.equal(undefined);
  });
});

describe('time step: first free time', () => {
  const at = (id: string, iso: string, locationId?: string): Availability => ({
    id,
    startsAt: new Date(iso),
    endsAt: new Date(iso),
    locationId,
  });
  const state = (s: Partial<SeekState>): SeekState => ({
    loaded: true,
    times: [],
    days: [],
    dayKey: (d) => d.toISOString().slice(0, 10),
    firstAvailable: undefined,
    ...s,
  });

  it('loads first, then finds the first day from the start day on', () => {
    expect(seekStep(TODAY, state({ loaded: false }))).to.deep.equal({ kind: 'load' });
    const days = ['2026-11-19', '2026-11-24', '2026-11-25'];
    expect(seekStep(TODAY, state({ days }))).to.deep.equal({ kind: 'found', day: '2026-11-24' });
  });

  it('takes another location’s earlier time when the shown one has none', () => {
    const times = [at('b', '2026-11-26T09:00:00Z', 'L2'), at('a', '2026-11-25T09:00:00Z', 'L3')];
    expect(seekStep(TODAY, state({ times }))).to.deep.equal({
      kind: 'found',
      day: '2026-11-25',
      locationId: 'L3',
    });
  });

  it('follows the search past an empty window, waits for it, or stops when it found nothing', () => {
    expect(seekStep(TODAY, state({ firstAvailable: { date: '2027-01-12' } }))).to.deep.equal({
      kind: 'follow',
      from: '2027-01-12',
    });
    expect(seekStep(TODAY, state({}))).to.deep.equal({ kind: 'wait' });
    expect(seekStep(TODAY, state({ firstAvailable: null }))).to.deep.equal({ kind: 'none' });
  });
});
