import { expect } from '@open-wc/testing';
import {
  addDays,
  daysBetween,
  isPlainDate,
  plainDateIn,
  todayIn,
  localToday,
  plainToUtcNoon,
  weekStart,
  windowsFrom,
} from '../../src/time/calendar.js';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);

describe('calendar: plainDateIn / todayIn', () => {
  it('spring forward in Berlin (2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    expect(plainDateIn(at('2026-03-28T22:59:59Z'), BERLIN)).to.equal('2026-03-28'); // 23:59:59 CET
    expect(plainDateIn(at('2026-03-28T23:00:00Z'), BERLIN)).to.equal('2026-03-29'); // 00:00 CET
    expect(plainDateIn(at('2026-03-29T01:00:00Z'), BERLIN)).to.equal('2026-03-29'); // 03:00 CEST
    expect(plainDateIn(at('2026-03-29T21:59:59Z'), BERLIN)).to.equal('2026-03-29'); // 23:59:59 CEST
    expect(plainDateIn(at('2026-03-29T22:00:00Z'), BERLIN)).to.equal('2026-03-30'); // 00:00 CEST
  });

  it('fall back in Berlin (2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    expect(plainDateIn(at('2026-10-24T21:59:59Z'), BERLIN)).to.equal('2026-10-24');
    expect(plainDateIn(at('2026-10-24T22:00:00Z'), BERLIN)).to.equal('2026-10-25'); // 00:00 CEST
    expect(plainDateIn(at('2026-10-25T00:30:00Z'), BERLIN)).to.equal('2026-10-25'); // 02:30 CEST
    expect(plainDateIn(at('2026-10-25T01:30:00Z'), BERLIN)).to.equal('2026-10-25'); // 02:30 CET
    expect(plainDateIn(at('2026-10-25T22:59:59Z'), BERLIN)).to.equal('2026-10-25'); // 23:59:59 CET
    expect(plainDateIn(at('2026-10-25T23:00:00Z'), BERLIN)).to.equal('2026-10-26');
  });

  it('today is the clinic’s day, not the browser’s', () => {
    const newYear = Date.parse('2026-12-31T23:30:00Z');
    expect(todayIn(BERLIN, newYear)).to.equal('2027-01-01');
    expect(todayIn('America/New_York', newYear)).to.equal('2026-12-31');
    expect(todayIn('UTC', new Date(newYear))).to.equal('2026-12-31');
    expect(todayIn(BERLIN)).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('calendar: arithmetic', () => {
  it('addDays across month ends, leap years and DST', () => {
    expect(addDays('2026-01-31', 1)).to.equal('2026-02-01');
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-28', 1)).to.equal('2026-03-29');
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-10-24', 2)).to.equal('2026-10-26');
    expect(addDays('2026-04-30', 0)).to.equal('2026-04-30');
  });

  it('weekStart is the Monday of the week, across month and year ends', () => {
    expect(weekStart('2026-11-23')).to.equal('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).to.equal('2026-11-23'); // its Sunday
    expect(weekStart('2026-12-02')).to.equal('2026-11-30');
    expect(weekStart('2027-01-01')).to.equal('2026-12-28');
    expect(weekStart('2026-03-29')).to.equal('2026-03-23'); // the DST Sunday
  });

  it('daysBetween counts calendar days, also over DST changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).to.equal(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).to.equal(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).to.equal(365);
    expect(daysBetween('2026-03-01', '2026-02-01')).to.equal(-28);
  });

  it('rejects things that are not plain dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-1', '2026-03-01T00:00', '']) {
      expect(isPlainDate(bad), bad).to.equal(false);
      expect(() => addDays(bad, 1), bad).to.throw(RangeError);
    }
    expect(isPlainDate('2028-02-29')).to.equal(true);
  });

  it('windowsFrom: 31-day inclusive windows, the last one shorter', () => {
    expect(windowsFrom('2026-01-15', 62)).to.deep.equal([
      { from: '2026-01-15', to: '2026-02-14' },
      { from: '2026-02-15', to: '2026-03-17' },
    ]);
    expect(windowsFrom('2026-03-01', 40)).to.deep.equal([
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-04-09' },
    ]);
    expect(windowsFrom('2026-03-01', 1)).to.deep.equal([{ from: '2026-03-01', to: '2026-03-01' }]);
    expect(windowsFrom('2026-03-01', 0)).to.deep.equal([]);
    expect(windowsFrom('2026-03-01', 14, 7)).to.have.length(2);
    for (const w of windowsFrom('2026-01-01', 365))
      expect(daysBetween(w.from, w.to)).to.be.at.most(30);
  });
});

describe('calendar: plain dates for formatting', () => {
  it('reads a plain date at 12:00 UTC and refuses what is not one', () => {
    expect(plainToUtcNoon('2026-03-29').toISOString()).to.equal('2026-03-29T12:00:00.000Z');
    expect(() => plainToUtcNoon('2026-02-30')).to.throw(RangeError);
  });

  it("today on this browser's own clock", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).to.equal('2026-01-05');
    expect(localToday(new Date(2026, 0, 6, 0, 1))).to.equal('2026-01-06');
  });
});
