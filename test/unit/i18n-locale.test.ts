import { expect } from '@open-wc/testing';
import { resolveLocale, toLocale } from '../../src/i18n/locale.js';

describe('resolveLocale', () => {
  it('prefers the attribute', () => {
    expect(resolveLocale('en', 'de', ['de-DE'])).to.equal('en');
    expect(resolveLocale('de', 'en', ['en-US'])).to.equal('de');
  });

  it('accepts region tags in any case', () => {
    expect(resolveLocale('EN-gb', undefined, [])).to.equal('en');
    expect(resolveLocale('de-DE', undefined, [])).to.equal('de');
    expect(resolveLocale(' en_US ', undefined, [])).to.equal('en');
  });

  it('falls back to <html lang>, then the browser, then German', () => {
    expect(resolveLocale(null, 'en-GB', ['de'])).to.equal('en');
    expect(resolveLocale('fr', 'it', ['fr-FR', 'en-US', 'de'])).to.equal('en');
    expect(resolveLocale(undefined, '', ['fr', 'es'])).to.equal('de');
    expect(resolveLocale('', undefined, [])).to.equal('de');
  });

  it('does not match prefixes of other languages', () => {
    expect(toLocale('den')).to.equal(undefined);
    expect(toLocale('eng')).to.equal(undefined);
    expect(toLocale('en')).to.equal('en');
  });
});
