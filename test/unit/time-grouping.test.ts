import { expect } from '@open-wc/testing';
import { groupByDay, groupByPeriod, periodOf } from '../../src/views/steps/time-grouping.js';
import { plainDateIn } from '../../src/time/calendar.js';
import type { Availability } from '../../src/api/types.js';

const berlinDay = (d: Date) => plainDateIn(d, 'Europe/Berlin');

const slot = (id: string, iso: string, locationId?: string): Availability => ({
  id,
  startsAt: new Date(iso),
  endsAt: new Date(Date.parse(iso) + 900_000),
  ...(locationId ? { locationId } : {}),
});

describe('time step: groupByDay', () => {
  it('groups by the clinic’s day across the DST night, days and times ascending', () => {
    const groups = groupByDay(
      [
        slot('d', '2026-03-29T22:30:00Z'), // 00:30 CEST, 30th
        slot('c', '2026-03-29T21:30:00Z'), // 23:30 CEST, 29th
        slot('a', '2026-03-28T22:30:00Z'), // 23:30 CET, 28th
        slot('b', '2026-03-28T23:30:00Z'), // 00:30 CET, 29th
      ],
      berlinDay,
    );
    expect([...groups.keys()]).to.deep.equal(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(groups.get('2026-03-29')?.map((a) => a.id)).to.deep.equal(['b', 'c']);
  });

  it('keeps only the chosen location when one is given', () => {
    const groups = groupByDay(
      [slot('a', '2026-03-02T08:00:00Z', 'loc-1'), slot('b', '2026-03-02T09:00:00Z', 'loc-2')],
      berlinDay,
      'loc-2',
    );
    expect([...groups.values()].flat().map((a) => a.id)).to.deep.equal(['b']);
  });

  it('groups 2,000 availabilities by day (timing lives in the benchmark)', () => {
    const start = Date.parse('2026-03-01T07:00:00Z');
    const many = Array.from({ length: 2000 }, (_, i) =>
      slot(`s${i}`, new Date(start + i * 20 * 60_000).toISOString()),
    );
    const groups = groupByDay(many, berlinDay);
    expect([...groups.values()].reduce((n, list) => n + list.length, 0)).to.equal(2000);
    expect(groups.get('2026-03-01')?.[0].id).to.equal('s0');
    expect(groups.size).to.equal(29); // 2000 × 20 min ≈ 27.8 days from 1 March, 08:00
  });

  it('puts a time before 12:00 in the morning, before 17:00 in the afternoon, later in the evening', () => {
    expect(['00:00', '11:59', '12:00', '16:59', '17:00', '23:30'].map(periodOf)).to.deep.equal([
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
    ]);
  });

  it('groups a day by part of the day in the clinic’s zone, leaving empty parts out', () => {
    const clock = (d: Date) =>
      new Intl.DateTimeFormat('de-DE', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(d);
    const groups = groupByPeriod(
      [
        slot('m', '2026-11-23T10:59:00Z'), // 11:59 in Berlin
        slot('a', '2026-11-23T11:00:00Z'), // 12:00
        slot('a2', '2026-11-23T15:45:00Z'), // 16:45
      ],
      clock,
    );
    expect(groups.map((g) => [g.period, g.times.map((a) => a.id)])).to.deep.equal([
      ['morning', ['m']],
      ['afternoon', ['a', 'a2']],
    ]);
  });
});
