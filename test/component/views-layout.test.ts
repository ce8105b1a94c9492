import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { Availability } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { expectVisibleFocus, layoutTests, type View } from './layout-checks.js';
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

const views: View[] = [
  [
    'choice',
    (t) =>
      html`<pb-choice-step
        .t=${t}
        heading=${t.insurance.need}
        .filters=${[
          {
            name: 'insurance',
            legend: t.insurance.heading,
            options: [
              { id: 'a', label: 'Allianz Private Krankenversicherung' },
              { id: 'b', label: 'Debeka Krankenversicherungsverein' },
            ],
            selectedId: 'b',
          },
        ]}
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
    'choice-summary',
    (t) =>
      html`<pb-choice-summary
        .t=${t}
        .summary=${{
          typeName: long,
          startsAt: new Date(start),
          endsAt: new Date(start + 1_800_000),
          locationName: locations[0].name,
          address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
          insuranceName: 'Allianz Private Krankenversicherung',
          video: false,
        }}
      ></pb-choice-summary>`,
  ],
  [
    'booking',
    (t) =>
      html`<pb-details-step
        .t=${t}
        .value=${{ first_name: 'Erika' }}
        submit-label=${t.booking.confirm}
        busy-label=${t.booking.submitting}
        note=${t.booking.binding}
        error=${t.errors.server}
        submitting
      ></pb-details-step>`,
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

const loading = () =>
  fixture<HTMLElement>(html`<pb-choice-step .t=${de} heading="x"></pb-choice-step>`);
const skeleton = (el: HTMLElement) => el.shadowRoot!.querySelector('.skeleton')!;

/** The media conditions ('' for none) of each style rule in `root` that animates `el`. */
function animationConditions(root: ShadowRoot, el: Element): string[] {
  const found: string[] = [];
  const visit = (rules: CSSRuleList, media: string[]) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        visit(rule.cssRules, [...media, rule.media.mediaText]);
      } else if (rule instanceof CSSStyleRule && el.matches(rule.selectorText)) {
        if (!['', 'none'].includes(rule.style.animationName)) found.push(media.join(' and '));
      }
    }
  };
  for (const sheet of root.adoptedStyleSheets) visit(sheet.cssRules, []);
  return found;
}

describe('views: layout and themes', () => {
  layoutTests(views, (name) =>
    name === 'choice-summary'
      ? 'pb-choice-summary'
      : name === 'booking'
        ? 'pb-details-step (booking)'
        : `pb-${name}-step`,
  );

  // Only Chromium's driver (the DevTools protocol) can switch prefers-reduced-motion while a page
  // runs; Firefox's (WebDriver BiDi) and WebKit's (WebDriver) have no such command. Every engine
  // runs the next test, which reads the condition off the style sheets instead.
  it('does not animate skeletons with reduced motion (Chromium)', async function () {
    if (!navigator.userAgent.includes('Chrome/')) this.skip();
    await emulateMedia({ reducedMotion: 'no-preference' });
    let el = await loading();
    expect(getComputedStyle(skeleton(el)).animationName).not.to.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    el = await loading();
    expect(getComputedStyle(skeleton(el)).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('animates skeletons only under prefers-reduced-motion: no-preference', async () => {
    const el = await loading();
    const conditions = animationConditions(el.shadowRoot!, skeleton(el));
    expect(conditions).to.have.length.above(0);
    for (const media of conditions) {
      expect(media).to.include('prefers-reduced-motion: no-preference');
    }
  });

  it('shows a visible focus outline on keyboard focus', async () => {
    const el = await fixture<HTMLElement>(
      html`<pb-choice-step
        .t=${de}
        heading="x"
        .options=${[{ id: '1', label: 'A' }]}
      ></pb-choice-step>`,
    );
    await expectVisibleFocus(el.shadowRoot!.querySelector('button')!);
  });
});
