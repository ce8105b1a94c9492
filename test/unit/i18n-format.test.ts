import { expect } from '@open-wc/testing';
import { createFormat } from '../../src/i18n/format.js';
import { addDays, daysBetween, plainDateIn, plainToUtcNoon } from '../../src/time/calendar.js';

const BERLIN = 'Europe/Berlin';

describe('createFormat', () => {
  it('formats dates and times in the clinic zone (winter, UTC+1)', () => {
    const f = createFormat('de', BERLIN);
    const d = new Date('2026-11-23T08:30:00Z');
    expect(f.date(d)).to.equal('Mo., 23. Nov. 2026');
    expect(f.longDate(d)).to.equal('Montag, 23. November 2026');
    expect(f.time(d)).to.equal('09:30');
    expect(f.zoneName(d)).to.equal('MEZ');
    expect(f.timeRange(d, new Date('2026-11-23T09:00:00Z'))).to.equal('09:30 – 10:00');
  });

  it('follows daylight saving time (summer, UTC+2)', () => {
    const de = createFormat('de', BERLIN);
    const en = createFormat('en', BERLIN);
    const d = new Date('2026-07-01T08:30:00Z');
    expect(de.time(d)).to.equal('10:30');
    expect(de.zoneName(d)).to.equal('MESZ');
    expect(en.zoneName(d)).to.equal('CEST');
    expect(en.zoneName(new Date('2026-01-01T12:00:00Z'))).to.equal('CET');
  });

  it('handles the DST switch nights', () => {
    const f = createFormat('de', BERLIN);
    // 2026-03-29: 02:00 MEZ → 03:00 MESZ
    expect(f.time(new Date('2026-03-29T00:59:00Z'))).to.equal('01:59');
    expect(f.time(new Date('2026-03-29T01:00:00Z'))).to.equal('03:00');
    // 2026-10-25: 03:00 MESZ → 02:00 MEZ
    expect(f.time(new Date('2026-10-25T00:30:00Z'))).to.equal('02:30');
    expect(f.time(new Date('2026-10-25T01:30:00Z'))).to.equal('02:30');
  });

  it('puts an instant on its clinic-zone day, not the UTC day', () => {
    const f = createFormat('de', BERLIN);
    expect(f.dayKey(new Date('2026-11-22T23:30:00Z'))).to.equal('2026-11-23');
    expect(f.dayKey(new Date('2026-07-01T21:59:00Z'))).to.equal('2026-07-01');
    expect(f.dayKey(new Date('2026-07-01T22:00:00Z'))).to.equal('2026-07-02');
    expect(
      createFormat('en', 'America/New_York').dayKey(new Date('2026-11-23T03:00:00Z')),
    ).to.equal('2026-11-22');
  });

  it('formats plain dates without a zone shift, in both languages', () => {
    const de = createFormat('de', 'Pacific/Kiritimati');
    const en = createFormat('en', 'Pacific/Pago_Pago');
    expect(de.plainDate('2026-11-23')).to.equal('Mo., 23. Nov. 2026');
    expect(en.plainDate('2026-11-23')).to.match(/^Mon,? 23 Nov 2026$/);
    expect(de.plainLongDay('2026-11-23')).to.equal('Montag, 23. November');
    expect(de.dayLabel('2026-11-23')).to.deep.equal({ weekday: 'Mo.', day: '23', month: 'Nov.' });
    expect(en.dayLabel('2026-11-23')).to.deep.equal({ weekday: 'Mon', day: '23', month: 'Nov' });
  });

  it('uses a 24-hour clock in English too', () => {
    const en = createFormat('en', BERLIN);
    expect(en.time(new Date('2026-11-23T14:05:00Z'))).to.equal('15:05');
    expect(en.longDate(new Date('2026-11-23T14:05:00Z'))).to.equal('Monday, 23 November 2026');
  });

  it('caches formatters per locale and zone', () => {
    expect(createFormat('de', BERLIN)).to.equal(createFormat('de', BERLIN));
    expect(createFormat('de', BERLIN)).not.to.equal(createFormat('en', BERLIN));
  });
});

describe('plain dates', () => {
  it('adds days across months, years and DST', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(daysBetween('2026-11-23', '2026-12-06')).to.equal(13);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => plainToUtcNoon('2026-02-30')).to.throw(RangeError);
    expect(() => plainToUtcNoon('2026-11-23T10:00')).to.throw(RangeError);
  });
});

describe('format: dayKey', () => {
  // It reads Intl once per UTC quarter hour: right for zones with odd offsets and DST nights too.
  for (const zone of [
    'Europe/Berlin',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
  ]) {
    it(`matches the zone's wall calendar every 5 minutes across DST changes (${zone})`, () => {
      const fmt = createFormat('en', zone);
      for (const start of [Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 23)]) {
        for (let t = start; t < start + 3 * 86_400_000; t += 300_000) {
          const d = new Date(t);
          expect(fmt.dayKey(d), d.toISOString()).to.equal(plainDateIn(d, zone));
        }
      }
    });
  }
});
