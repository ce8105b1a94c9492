import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import type { Appointment } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import type { PbAppointmentDetail } from '../../src/views/account/account-view.js';
import { DARK_THEME, expectVisibleFocus, layoutTests, type View } from './layout-checks.js';
import '../../src/views/account/account-view.js';

const long = 'Ausführliche Vorsorgeuntersuchung für Erwachsene ab fünfunddreißig Jahren';
const start = new Date('2036-11-23T08:30:00Z');
const appointment = (over: Partial<Appointment> = {}): Appointment => ({
  id: '1',
  startsAt: start,
  endsAt: new Date(start.getTime() + 1_800_000),
  status: 'confirmed',
  type: { id: 't', name: long },
  location: {
    id: 'L1',
    name: 'Gemeinschaftspraxis am Bahnhofsvorplatz',
    address: { street: 'Friedrich-Wilhelm-Straße 123', postalCode: '10115', locality: 'Berlin' },
  },
  video: false,
  cancelable: true,
  reschedulable: true,
  asapSubscription: null,
  ...over,
});
const email = 'a-very-long-email-address-without-breaks@sehr-lange-domain-beispiel.de';
const name = 'Prof. Dr. Erika Mustermann-Schnabelwetzerhausen';

const views: View[] = [
  [
    'account-bar (signed out, error)',
    (t) => html`<pb-account-bar .t=${t} .error=${t.login.popupBlocked}></pb-account-bar>`,
  ],
  [
    'account-bar (signing in)',
    (t) => html`<pb-account-bar .t=${t} status="signing-in"></pb-account-bar>`,
  ],
  [
    'account-bar (signed in)',
    (t) =>
      html`<pb-account-bar
        .t=${t}
        status="signed-in"
        .name=${name}
        view="appointments"
      ></pb-account-bar>`,
  ],
  [
    'appointments-step',
    (t) =>
      html`<pb-appointments-step
        .t=${t}
        .locale=${t === de ? 'de' : 'en'}
        .overview=${{ upcomingCount: 12, pastCount: 124, next: appointment() }}
        .appointments=${[appointment(), appointment({ id: '2', status: 'cancelled', video: true })]}
        has-more
        .error=${t.errors.timeout}
      ></pb-appointments-step>`,
  ],
  [
    'appointment-detail',
    (t) =>
      html`<pb-appointment-detail
        .t=${t}
        .locale=${t === de ? 'de' : 'en'}
        .appointment=${appointment()}
        asap-enabled
        .asapEmail=${email}
        .asapOffer=${{ id: 'x', startsAt: start, endsAt: start }}
        .notice=${t.account.moved('Mo., 23. Nov. 2036, 09:30')}
        .error=${t.errors.not_reschedulable}
      ></pb-appointment-detail>`,
  ],
  [
    'appointment-detail (video, on the list)',
    (t) =>
      html`<pb-appointment-detail
        .t=${t}
        .appointment=${appointment({ video: true, asapSubscription: { email } })}
        asap-enabled
      ></pb-appointment-detail>`,
  ],
  [
    'reschedule-confirm',
    (t) =>
      html`<pb-reschedule-confirm
        .t=${t}
        .appointment=${appointment()}
        .availability=${{ id: 'x', startsAt: start, endsAt: start }}
        .error=${t.errors.availability_taken}
      ></pb-reschedule-confirm>`,
  ],
];

describe('account views: layout and themes', () => {
  layoutTests(views, (label) => `pb-${label}`);

  it('the cancel dialog fits a 320 px screen and takes the theme', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<PbAppointmentDetail>(
        html`<pb-appointment-detail
          .t=${de}
          .appointment=${appointment()}
        ></pb-appointment-detail>`,
      );
      el.setAttribute('style', DARK_THEME);
      el.shadowRoot!.querySelector<HTMLElement>('[part~="cancel"]')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      const box = dialog.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(el).shadowDom.to.be.accessible();
      dialog.close();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows a visible focus outline on keyboard focus', async () => {
    const el = await fixture<LitElement>(html`<pb-account-bar .t=${de}></pb-account-bar>`);
    await expectVisibleFocus(el.shadowRoot!.querySelector('button')!);
  });
});
