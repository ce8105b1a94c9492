import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type {
  ConfirmationSummary,
  PbConfirmationStep,
} from '../../src/views/steps/confirmation-step.js';
import '../../src/views/steps/confirmation-step.js';

const summary: ConfirmationSummary = {
  appointmentId: '981',
  typeName: 'Vorsorgeuntersuchung',
  startsAt: new Date('2026-11-23T08:30:00Z'),
  endsAt: new Date('2026-11-23T09:00:00Z'),
  locationName: 'Praxis Mitte',
  address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
  institutionName: 'Hausarztpraxis Dr. Beispiel',
  video: false,
};

function render(t = de, s = summary) {
  return fixture<PbConfirmationStep>(
    html`<pb-confirmation-step
      .t=${t}
      .locale=${t === de ? 'de' : 'en'}
      time-zone="Europe/Berlin"
      .summary=${s}
    ></pb-confirmation-step>`,
  );
}

const calendarLink = (el: PbConfirmationStep) =>
  el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="calendar"]')!;

describe('<pb-confirmation-step>', () => {
  it('shows date, time and place', async () => {
    const el = await render();
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('Ihr Termin ist gebucht');
    const text = el
      .shadowRoot!.querySelector('[part~="summary"]')!
      .textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Montag, 23. November 2026');
    expect(text).to.contain('09:30 – 10:00');
    expect(text).to.contain('Praxis Mitte, Hauptstraße 1, 10115 Berlin');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('names the practice once where the location is named after it', async () => {
    const el = await render(de, {
      ...summary,
      locationName: 'Hausarztpraxis Dr. Beispiel – Mitte',
    });
    const text = el
      .shadowRoot!.querySelector('[part~="summary"]')!
      .textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Hausarztpraxis Dr. Beispiel – Mitte, Hauptstraße 1, 10115 Berlin');
    expect(text.split('Hausarztpraxis Dr. Beispiel').length - 1).to.equal(1);
  });

  it('offers an .ics download with the appointment', async () => {
    const el = await render();
    const a = calendarLink(el);
    expect(a.getAttribute('download')).to.equal('termin.ics');
    expect(a.href).to.match(/^blob:/);
    const ics = (await (await fetch(a.href)).text()).replace(/\r\n /g, '');
    expect(ics).to.contain('UID:981@patient-booking');
    expect(ics).to.contain('DTSTART:20261123T083000Z');
    expect(ics).to.contain('SUMMARY:Vorsorgeuntersuchung – Hausarztpraxis Dr. Beispiel');
    expect(ics).to.contain('Praxis Mitte\\, Hauptstraße 1\\, 10115 Berlin');
    expect(ics).not.to.contain('Erika');
  });

  it('says what happens next, with a reminder in the file and calendar links without the type', async () => {
    const el = await render();
    const next = [...el.shadowRoot!.querySelectorAll('.next li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(next[0]).to.contain('Versichertenkarte');
    expect(next[1]).to.contain('Praxis an');
    const directions = el.shadowRoot!.querySelector<HTMLAnchorElement>('.next a')!;
    expect(directions.href).to.contain('openstreetmap.org/search');
    expect(new URL(directions.href).searchParams.get('query')).to.equal(
      'Hauptstraße 1, 10115 Berlin',
    );
    const ics = await (await fetch(calendarLink(el).href)).text();
    expect(ics).to.contain('BEGIN:VALARM\r\nACTION:DISPLAY');
    expect(ics).to.contain('TRIGGER:-P1D');
    expect(ics).to.match(/DESCRIPTION:Bitte bringen Sie Ihre Versichertenkarte/);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.calendars a')];
    expect(links.map((a) => new URL(a.href).hostname)).to.deep.equal([
      'calendar.google.com',
      'outlook.live.com',
    ]);
    for (const a of links) {
      const values = [...new URL(a.href).searchParams.values()].join('\n');
      expect(values).not.to.contain('Vorsorgeuntersuchung'); // the type can reveal a condition
      expect(values).to.contain('Arzttermin – Hausarztpraxis Dr. Beispiel');
      expect(a.rel).to.contain('noopener');
    }
    await expect(el).shadowDom.to.be.accessible();
  });

  it('tells how a video consultation is joined, and gives no directions for it', async () => {
    const el = await render(en, { ...summary, video: true });
    const next = [...el.shadowRoot!.querySelectorAll('.next li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(next[0]).to.contain('link to the video consultation');
    expect(el.shadowRoot!.querySelector('.next a')).to.equal(null);
  });

  it('replaces and revokes the file when the summary changes', async () => {
    const el = await render();
    const first = calendarLink(el).href;
    el.summary = { ...summary, appointmentId: '982' };
    await el.updateComplete;
    const second = calendarLink(el).href;
    expect(second).not.to.equal(first);
    let revoked = false;
    await fetch(first).catch(() => (revoked = true));
    expect(revoked).to.equal(true);
    el.remove();
    revoked = false;
    await fetch(second).catch(() => (revoked = true));
    expect(revoked).to.equal(true);
  });

  it('speaks English and shows video consultations', async () => {
    const el = await render(en, {
      ...summary,
      video: true,
      locationName: undefined,
      address: undefined,
    });
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('Your appointment is booked');
    expect(text).to.contain('Online by video');
    expect(calendarLink(el).textContent!.trim()).to.equal('Add to calendar');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('fires pb-restart from "Book another appointment"', async () => {
    const el = await render();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="restart"]')!;
    expect(button.textContent!.trim()).to.equal('Weiteren Termin buchen');
    setTimeout(() => button.click());
    const e = await oneEvent(el, 'pb-restart');
    expect(e.composed).to.equal(true);
  });
});
