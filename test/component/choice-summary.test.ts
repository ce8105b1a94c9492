import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { ChoiceSummary, PbChoiceSummary } from '../../src/views/steps/choice-summary.js';
import '../../src/views/steps/choice-summary.js';

const summary: ChoiceSummary = {
  typeName: 'Vorsorgeuntersuchung',
  startsAt: new Date('2026-07-01T08:30:00Z'),
  endsAt: new Date('2026-07-01T09:00:00Z'),
  locationName: 'Praxis Mitte',
  address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
  insuranceName: 'Techniker Krankenkasse',
  video: false,
};

function render(props: Partial<PbChoiceSummary> = {}) {
  return fixture<PbChoiceSummary>(
    html`<pb-choice-summary
      .t=${props.t ?? de}
      .locale=${props.locale ?? 'de'}
      time-zone="Europe/Berlin"
      .summary=${props.summary ?? summary}
      .typeChangeable=${props.typeChangeable ?? true}
      .locked=${props.locked ?? false}
    ></pb-choice-summary>`,
  );
}

const text = (el: PbChoiceSummary) =>
  el.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.replace(/\s+/g, ' ');
const edits = (el: PbChoiceSummary) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="edit"]'),
];

describe('<pb-choice-summary>', () => {
  it('summarizes the choices in the clinic’s time zone', async () => {
    const el = await render();
    expect(text(el)).to.contain('Vorsorgeuntersuchung');
    expect(text(el)).to.contain('Techniker Krankenkasse');
    expect(text(el)).to.contain('Mittwoch, 1. Juli 2026');
    expect(text(el)).to.contain('10:30 – 11:00');
    expect(text(el)).to.contain('Praxis Mitte, Hauptstraße 1, 10115 Berlin');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal(
      'Ihre Auswahl',
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('has "Change" buttons that fire pb-edit with the step where each part is chosen', async () => {
    const el = await render();
    expect(edits(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Ändern: Termin',
      'Ändern: Versicherung',
      'Ändern: Datum und Uhrzeit',
      'Ändern: Ort',
    ]);
    const steps: string[] = [];
    el.addEventListener('pb-edit', (e) => steps.push(e.detail.step));
    edits(el).forEach((b) => b.click());
    expect(steps).to.deep.equal(['type', 'type', 'time', 'time']);
  });

  it('is changed by keyboard too', async () => {
    const el = await render();
    edits(el)[0]!.focus();
    const e = oneEvent(el, 'pb-edit');
    await sendKeys({ press: 'Enter' });
    expect((await e).detail).to.deep.equal({ step: 'type' });
  });

  it('before a time is chosen: the appointment and its only place, no time', async () => {
    const el = await render({
      t: en,
      locale: 'en',
      summary: { ...summary, startsAt: undefined, endsAt: undefined, insuranceName: undefined },
    });
    expect(text(el)).not.to.contain('Date and time');
    expect(text(el)).to.contain('Praxis Mitte');
    // The place is chosen with the time, on the step below: no button leads there.
    expect(edits(el).map((b) => b.textContent!.trim())).to.deep.equal(['Change']);
  });

  it('shows video consultations in English, without a place to change', async () => {
    const el = await render({
      t: en,
      locale: 'en',
      summary: { ...summary, video: true, locationName: undefined, address: undefined },
    });
    expect(text(el)).to.contain('Video consultation');
    expect(text(el)).to.contain('Online by video');
    expect(text(el)).to.contain('Wednesday, 1 July 2026');
    expect(edits(el)).to.have.length(3);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('offers no change of a preselected type, and none at all while locked', async () => {
    const fixed = await render({
      typeChangeable: false,
      summary: { ...summary, insuranceName: undefined },
    });
    expect(edits(fixed).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Ändern: Datum und Uhrzeit',
      'Ändern: Ort',
    ]);
    const locked = await render({ locked: true });
    expect(edits(locked)).to.deep.equal([]);
  });

  it('renders nothing until it has a summary', async () => {
    const el = await fixture<PbChoiceSummary>(
      html`<pb-choice-summary .t=${de}></pb-choice-summary>`,
    );
    expect(el.shadowRoot!.children.length).to.equal(0);
  });
});
