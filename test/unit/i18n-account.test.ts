import { expect } from '@open-wc/testing';
import { APPOINTMENT_STATUSES } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { Messages } from '../../src/i18n/messages.js';

/** The text of a catalogue group: strings as they are, functions called with samples. */
function textOf(obj: object): string[] {
  return Object.values(obj).flatMap((v: unknown) =>
    typeof v === 'string'
      ? [v]
      : typeof v === 'function'
        ? [(v as (...a: unknown[]) => string)(2, 5)]
        : textOf(v as object),
  );
}

const both: [string, Messages][] = [
  ['de', de],
  ['en', en],
];

describe('message catalogues: sign-in and appointments', () => {
  it('pluralize the appointment counts', () => {
    expect(de.account.counts(1, 1)).to.equal('1 anstehender Termin · 1 vergangener');
    expect(de.account.counts(2, 24)).to.equal('2 anstehende Termine · 24 vergangene');
    expect(de.account.counts(0, 0)).to.equal('0 anstehende Termine · 0 vergangene');
    expect(en.account.counts(1, 0)).to.equal('1 upcoming appointment · 0 past');
    expect(en.account.counts(2, 24)).to.equal('2 upcoming appointments · 24 past');
  });

  it('interpolate names, dates and email addresses', () => {
    expect(de.login.signedInAs('Erika Mustermann')).to.equal('Angemeldet als Erika Mustermann');
    expect(de.login.signedInAs()).to.equal('Angemeldet');
    expect(en.login.signedInAs('Erika')).to.equal('Signed in as Erika');
    expect(en.login.signedInAs('')).to.equal('Signed in');
    const date = 'Mo., 23. Nov. 2026, 09:30';
    expect(de.account.cancelQuestion(date)).to.equal(`Termin am ${date} absagen?`);
    expect(de.account.moved(date)).to.contain(date);
    expect(en.account.earlierFound('Mon, 23 Nov 2026, 09:30')).to.equal(
      'An earlier time is free: Mon, 23 Nov 2026, 09:30',
    );
    expect(de.account.asapOn('a@b.de')).to.contain('(a@b.de)');
  });

  for (const [name, t] of both) {
    it(`${name}: names every appointment status`, () => {
      for (const status of APPOINTMENT_STATUSES)
        expect(t.account.statuses[status]).to.be.a('string');
    });

    it(`${name}: explains the 24-hour rule where changes are refused`, () => {
      expect(t.errors.not_cancelable).to.match(/24/);
      expect(t.errors.not_reschedulable).to.match(/24/);
      expect(t.account.notChangeable).to.match(/24/);
      expect(t.errors.asap_not_enabled.length).to.be.greaterThan(20);
    });

    it(`${name}: sign-in errors read the same in both groups`, () => {
      expect(t.login.popupBlocked).to.equal(t.errors.popup_blocked);
      expect(t.login.popupClosed).to.equal(t.errors.popup_closed);
      expect(t.login.denied).to.equal(t.errors.login_denied);
    });

    it(`${name}: keeps sign-in and appointment texts small (they load before the first step)`, () => {
      const chars = textOf({ login: t.login, account: t.account }).join('').length;
      expect(chars).to.be.below(2200);
    });
  }

  it('speaks formally in German', () => {
    for (const text of textOf({ login: de.login, account: de.account })) {
      expect(text).not.to.match(/\b(du|dich|dir|dein\w*)\b/i);
    }
  });
});
