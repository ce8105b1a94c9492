import { expect } from '@open-wc/testing';
import { ERROR_CODES } from '../../src/api/errors.js';
import { PATIENT_FIELDS } from '../../src/api/types.js';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import { STEP_KEYS, type Messages } from '../../src/i18n/messages.js';

type Leaf = string | ((...args: never[]) => string);

/** Every leaf of a catalogue by its dotted path. */
function leaves(obj: object, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [p, v] of leaves(value as object, path)) out.set(p, v);
    } else {
      out.set(path, value as Leaf);
    }
  }
  return out;
}

/** Calls a message function with sample arguments. */
function sample(fn: (...args: never[]) => string): string {
  const args = [2, 5, 'x'] as unknown as never[];
  return (fn as (...a: unknown[]) => string)(...args);
}

const de = messagesFor('de');
const en = messagesFor('en');

describe('message catalogues', () => {
  it('have the same keys in every language', () => {
    const keys = (m: Messages) => [...leaves(m).keys()].sort();
    for (const locale of LOCALES) expect(keys(messagesFor(locale)), locale).to.deep.equal(keys(de));
  });

  it('exist for every registered language', () => {
    expect(LOCALES).to.include.members(['de', 'en', 'tr']);
  });

  for (const [name, catalogue] of LOCALES.map((l) => [l, messagesFor(l)] as const)) {
    it(`${name}: no empty strings, functions give text`, () => {
      for (const [path, value] of leaves(catalogue)) {
        const text = typeof value === 'function' ? sample(value) : value;
        expect(text.trim(), path).not.to.equal('');
        expect(text, path).not.to.match(/undefined|NaN|\{\w+\}/);
      }
    });

    it(`${name}: covers every error code, step and patient field`, () => {
      for (const code of Object.values(ERROR_CODES))
        expect(catalogue.errors[code], code).to.be.a('string');
      for (const step of STEP_KEYS) expect(catalogue.steps[step]).to.be.a('string');
      for (const field of PATIENT_FIELDS) {
        expect(catalogue.details.labels[field]).to.be.a('string');
        expect(catalogue.details.required[field]).to.be.a('string');
      }
    });
  }

  it('interpolates and pluralizes', () => {
    expect(de.errors.retryIn(1)).to.contain('1 Sekunde ');
    expect(de.errors.retryIn(30)).to.contain('30 Sekunden');
    expect(en.errors.retryIn(1)).to.contain('1 second.');
    expect(de.time.timesCount(1)).to.equal('1 Termin');
    expect(en.time.timesCount(3)).to.equal('3 times');
    expect(de.common.durationMinutes(30)).to.equal('30 Min.');
    expect(de.widget.stepOf(2, 5)).to.equal('Schritt 2 von 5');
    expect(en.widget.stepAnnouncement('Review')).to.contain('Review');
  });

  it('speaks formally in German', () => {
    for (const [path, value] of leaves(de)) {
      const text = typeof value === 'function' ? sample(value) : value;
      expect(text, path).not.to.match(/\b(du|dich|dir|dein\w*)\b/i);
    }
  });
});
