import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import type { Availability } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import '../../src/views/index.js';

const start = Date.UTC(2026, 10, 23, 7);
const availabilities: Availability[] = Array.from({ length: 300 }, (_, i) => ({
  id: `x${i}`,
  startsAt: new Date(start + Math.floor(i / 20) * 86_400_000 + (i % 20) * 900_000),
  endsAt: new Date(start + Math.floor(i / 20) * 86_400_000 + (i % 20) * 900_000 + 900_000),
  locationId: i % 2 ? 'L1' : 'L2',
}));
const locations = [
  { id: 'L1', name: 'Gemeinschaftspraxis am Bahnhofsvorplatz' },
  { id: 'L2', name: 'Zweigstelle Nord' },
];
const long = 'Ausführliche Vorsorgeuntersuchung für Erwachsene ab fünfunddreißig Jahren';

const views: [string, (t: typeof de) => TemplateResult][] = [
  [
    'choice',
    (t) =>
      html`<pb-choice-step
        .t=${t}
        heading=${t.type.heading}
        .options=${[
          {
            id: '1',
            label: long,
            description: long,
            meta: ['30 Min.', t.common.video, locations[0].name],
          },
          { id: '2', label: 'Impfung', group: 'Gruppe' },
        ]}
        selected-id="2"
      ></pb-choice-step>`,
  ],
  [
    'time',
    (t) =>
      html`<pb-time-step
        .t=${t}
        .locale=${t === de ? 'de' : 'en'}
        time-zone="Europe/Berlin"
        visitor-time-zone="America/Los_Angeles"
        window-from="2026-11-23"
        window-to="2026-12-06"
        today="2026-11-20"
        selected-id="x3"
        .availabilities=${availabilities}
        .locations=${locations}
      ></pb-time-step>`,
  ],
  [
    'details',
    (t) =>
      html`<pb-details-step
        .t=${t}
        .fields=${['title', 'gender', 'born_on', 'insurance', 'accepts_email']}
        .value=${{ email: 'a-very-long-email-address-without-breaks@sehr-lange-domain-beispiel.de' }}
        .errors=${[{ field: 'patient_data.email', message: 'ist ungültig' }]}
        asap-available
      ></pb-details-step>`,
  ],
  [
    'review',
    (t) =>
      html`<pb-review-step
        .t=${t}
        .summary=${{
          typeName: long,
          startsAt: new Date(start),
          endsAt: new Date(start + 1_800_000),
          locationName: locations[0].name,
          insuranceName: 'Techniker Krankenkasse',
          video: true,
          patient: {
            first_name: 'Erika',
            last_name: 'Mustermann',
            email: 'a-very-long-email-address@example-domain.de',
          },
        }}
        error=${t.errors.availability_taken}
      ></pb-review-step>`,
  ],
  [
    'confirmation',
    (t) =>
      html`<pb-confirmation-step
        .t=${t}
        .summary=${{
          appointmentId: '1',
          typeName: long,
          startsAt: new Date(start),
          endsAt: new Date(start + 1_800_000),
          locationName: locations[0].name,
          address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
          video: false,
        }}
      ></pb-confirmation-step>`,
  ],
];

const dark = [
  '--patient-booking-text: #e6edf3',
  '--patient-booking-surface: #0d1117',
  '--patient-booking-accent: #58a6ff',
  '--patient-booking-muted: #9da7b3',
  '--patient-booking-border: #6e7681',
  '--patient-booking-danger: #ff7b72',
  '--patient-booking-focus-color: #f2cc60',
  'background: #0d1117',
].join(';');

describe('views: layout and themes', () => {
  for (const [name, view] of views) {
    it(`<pb-${name}-step> fits 320 px without horizontal scrolling`, async () => {
      for (const t of [de, en]) {
        const el = await fixture<LitElement>(view(t));
        el.style.width = '320px';
        const left = el.getBoundingClientRect().left;
        const wide = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
          .filter((node) => node.getBoundingClientRect().right - left > 320.5)
          .map((node) => node.outerHTML.slice(0, 60));
        expect(wide, `${name} (${t.widget.title})`).to.deep.equal([]);
        expect(el.scrollWidth).to.be.at.most(320);
      }
    });

    it(`<pb-${name}-step> is readable in a dark theme`, async () => {
      const el = await fixture<LitElement>(view(en));
      el.setAttribute('style', dark);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('does not animate skeletons with reduced motion', async () => {
    const loading = () =>
      fixture<HTMLElement>(html`<pb-choice-step .t=${de} heading="x"></pb-choice-step>`);
    await emulateMedia({ reducedMotion: 'no-preference' });
    let el = await loading();
    expect(getComputedStyle(el.shadowRoot!.querySelector('.skeleton')!).animationName).not.to.equal(
      'none',
    );
    await emulateMedia({ reducedMotion: 'reduce' });
    el = await loading();
    expect(getComputedStyle(el.shadowRoot!.querySelector('.skeleton')!).animationName).to.equal(
      'none',
    );
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows a visible focus outline on keyboard focus', async () => {
    const el = await fixture<HTMLElement>(
      html`<pb-choice-step
        .t=${de}
        heading="x"
        .options=${[{ id: '1', label: 'A' }]}
      ></pb-choice-step>`,
    );
    const button = el.shadowRoot!.querySelector('button')!;
    const { sendKeys } = await import('@web/test-runner-commands');
    button.focus();
    await sendKeys({ press: 'Shift' });
    const style = getComputedStyle(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
