import { expect } from '@open-wc/testing';
import { buildIcs, escapeText, foldLine, icsUtc } from '../../src/time/ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = {
  uid: '42@patient-booking',
  start: new Date('2026-11-23T08:30:00Z'),
  end: new Date('2026-11-23T09:00:00+01:00'),
  summary: 'Vorsorge, Check-up; Erwachsene',
  location: 'Praxis Mitte, Hauptstraße 1\n10115 Berlin',
  now: new Date('2026-11-01T10:11:12.345Z'),
};

describe('buildIcs', () => {
  it('writes one VEVENT in UTC with CRLF line endings', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines).to.include('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).to.equal(true);
    expect(lines).to.include('UID:42@patient-booking');
    expect(lines).to.include('DTSTAMP:20261101T101112Z');
    expect(lines).to.include('DTSTART:20261123T083000Z');
    expect(lines).to.include('DTEND:20261123T080000Z');
    expect(lines.at(-2)).to.equal('END:VCALENDAR');
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
    const ics = buildIcs(event);
    expect(ics).to.contain('SUMMARY:Vorsorge\\, Check-up\\; Erwachsene');
    expect(ics).to.contain('LOCATION:Praxis Mitte\\, Hauptstraße 1\\n10115 Berlin');
  });

  it('folds lines at 75 octets without splitting characters', () => {
    const long = `DESCRIPTION:${'Grüße aus der Praxis – bitte 10 Minuten früher da sein. '.repeat(4)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(2);
    for (const p of parts) expect(octets(p)).to.be.at.most(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(long);
    expect(folded).not.to.contain('\uFFFD');
  });

  it('writes a SEQUENCE where given, so a later file replaces the event', () => {
    const lines = buildIcs({ ...event, sequence: 1764928800.7 }).split('\r\n');
    expect(lines).to.include('SEQUENCE:1764928800');
    expect(buildIcs(event)).not.to.contain('SEQUENCE');
  });

  it('leaves out what is not given', () => {
    const ics = buildIcs({
      uid: 'x',
      start: event.start,
      end: event.end,
      summary: 's',
      now: event.now,
    });
    expect(ics).not.to.contain('LOCATION');
    expect(ics).not.to.contain('DESCRIPTION');
  });

  it('formats UTC stamps with padding', () => {
    expect(icsUtc(new Date(Date.UTC(2027, 0, 2, 3, 4, 5)))).to.equal('20270102T030405Z');
  });
});
