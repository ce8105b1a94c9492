import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbReviewStep, ReviewSummary } from '../../src/views/steps/review-step.js';
import '../../src/views/steps/review-step.js';

const summary: ReviewSummary = {
  typeName: 'Vorsorgeuntersuchung',
  startsAt: new Date('2026-07-01T08:30:00Z'),
  endsAt: new Date('2026-07-01T09:00:00Z'),
  locationName: 'Praxis Mitte',
  address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
  insuranceName: 'Techniker Krankenkasse',
  video: false,
  patient: {
    title: 'Dr.',
    first_name: 'Erika',
    last_name: 'Mustermann',
    email: 'erika@example.de',
    born_on: '1980-02-29',
    gender: 'f',
  },
};

function render(props: Partial<PbReviewStep> = {}) {
  return fixture<PbReviewStep>(
    html`<pb-review-step
      .t=${props.t ?? de}
      .locale=${props.locale ?? 'de'}
      time-zone="Europe/Berlin"
      .summary=${props.summary ?? summary}
      .submitting=${props.submitting ?? false}
      .error=${props.error}
    ></pb-review-step>`,
  );
}

const confirm = (el: PbReviewStep) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"]')!;

describe('<pb-review-step>', () => {
  it('summarizes the booking in the clinic’s time zone', async () => {
    const el = await render();
    const text = el
      .shadowRoot!.querySelector('[part~="summary"]')!
      .textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Vorsorgeuntersuchung');
    expect(text).to.contain('Mittwoch, 1. Juli 2026');
    expect(text).to.contain('10:30 – 11:00');
    expect(text).to.contain('Praxis Mitte, Hauptstraße 1, 10115 Berlin');
    expect(text).to.contain('Techniker Krankenkasse');
    expect(text).to.contain('Dr. Erika Mustermann');
    expect(text).to.contain('Geburtsdatum: Fr., 29. Feb. 1980');
    expect(text).to.contain('Geschlecht: weiblich');
    expect(confirm(el).textContent!.trim()).to.equal('Verbindlich buchen');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows video consultations in English', async () => {
    const el = await render({
      t: en,
      locale: 'en',
      summary: { ...summary, video: true, locationName: undefined, address: undefined },
    });
    const text = el.shadowRoot!.querySelector('[part~="summary"]')!.textContent!;
    expect(text).to.contain('Video consultation');
    expect(text).to.contain('Online by video');
    expect(text).to.contain('Wednesday, 1 July 2026');
    expect(confirm(el).textContent!.trim()).to.equal('Book now');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('fires pb-confirm, by keyboard too', async () => {
    const el = await render();
    setTimeout(() => confirm(el).click());
    await oneEvent(el, 'pb-confirm');
    confirm(el).focus();
    const e = oneEvent(el, 'pb-confirm');
    await sendKeys({ press: 'Enter' });
    expect((await e).bubbles).to.equal(true);
  });

  it('does nothing on repeated clicks or Enter while submitting', async () => {
    const el = await render({ submitting: true });
    let count = 0;
    el.addEventListener('pb-confirm', () => count++);
    const button = confirm(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent!.trim()).to.equal(de.review.submitting);
    button.click();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' }); // the space bar by its key value, which every driver takes
    expect(count).to.equal(0);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('has change buttons that fire pb-edit with the step', async () => {
    const el = await render();
    const edits = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="edit"]')];
    expect(edits.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Ändern: Termin',
      'Ändern: Datum und Uhrzeit',
      'Ändern: Versicherung',
      'Ändern: Ihre Angaben',
    ]);
    const steps: string[] = [];
    el.addEventListener('pb-edit', (e) => steps.push(e.detail.step));
    edits.forEach((b) => b.click());
    expect(steps).to.deep.equal(['type', 'time', 'insurance', 'details']);
  });

  it('shows an error with Retry', async () => {
    const el = await render({ error: de.errors.availability_taken });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('gerade vergeben');
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => alert.querySelector('button')!.click());
    await oneEvent(el, 'pb-retry');
  });

  it('renders nothing until it has a summary (no loading state of its own)', async () => {
    const el = await fixture<PbReviewStep>(html`<pb-review-step .t=${de}></pb-review-step>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
    await expect(el).shadowDom.to.be.accessible();
  });
});
