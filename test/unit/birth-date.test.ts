import { expect } from '@open-wc/testing';
import { formatBirthDate, parseBirthDate } from '../../src/time/birth-date.js';

const TODAY = '2026-12-05';

describe('birth-date: parseBirthDate', () => {
  it('reads day, month and year in the forms patients type', () => {
    for (const typed of [
      '1.2.1980',
      '01.02.1980',
      ' 01.02.1980 ',
      '1/2/1980',
      '01-02-1980',
      '1 2 1980',
      '01. 02. 1980',
      '01021980',
      '1980-02-01',
    ]) {
      expect(parseBirthDate(typed, TODAY), typed).to.deep.equal({ ok: true, date: '1980-02-01' });
    }
  });

  it('never reads the US order: 02.13.1980 is no day', () => {
    expect(parseBirthDate('02.13.1980', TODAY)).to.deep.equal({ ok: false, problem: 'noSuchDay' });
  });

  it('refuses what is not day, month and a four-digit year', () => {
    for (const typed of ['', '1980', '1.2.80', '1.2.', '01.02.1980x', 'eins.zwei.1980', '010280']) {
      expect(parseBirthDate(typed, TODAY), typed).to.deep.equal({ ok: false, problem: 'format' });
    }
  });

  it('refuses days that do not exist, leap years known', () => {
    expect(parseBirthDate('29.02.2000', TODAY)).to.deep.equal({ ok: true, date: '2000-02-29' });
    expect(parseBirthDate('29.02.1900', TODAY)).to.deep.equal({ ok: false, problem: 'noSuchDay' });
    for (const typed of ['31.04.1980', '00.01.1980', '01.00.1980', '32.01.1980']) {
      expect(parseBirthDate(typed, TODAY), typed).to.deep.equal({
        ok: false,
        problem: 'noSuchDay',
      });
    }
  });

  it('takes today and 1900 as bounds', () => {
    expect(parseBirthDate('05.12.2026', TODAY)).to.deep.equal({ ok: true, date: TODAY });
    expect(parseBirthDate('06.12.2026', TODAY)).to.deep.equal({ ok: false, problem: 'future' });
    expect(parseBirthDate('01.01.1900', TODAY)).to.deep.equal({ ok: true, date: '1900-01-01' });
    expect(parseBirthDate('31.12.1899', TODAY)).to.deep.equal({ ok: false, problem: 'tooEarly' });
  });

  it('shows a plain date as DD.MM.YYYY', () => {
    expect(formatBirthDate('1980-02-01')).to.equal('01.02.1980');
    expect(formatBirthDate('not a date')).to.equal('not a date');
  });
});
