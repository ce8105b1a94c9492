// The signed-in screens as the root composes them (account bar, notices, the current view) with
// the account controller's real state and data: roles, names and axe, in both languages.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { AccountController } from '../../src/account/controller.js';
import { renderAccountArea } from '../../src/account/create-account.js';
import { StepData } from '../../src/booking/step-data.js';
import { messagesFor, type Locale } from '../../src/i18n/index.js';
import { rootStyles } from '../../src/element/root-styles.js';
import '../../src/views/index.js';
import '../../src/views/account/account-view.js';
import { catalogueApi, fakePortal, fakeSession, slot } from './account-fakes.js';
import { tick } from './http-fakes.js';

class RenderHost extends LitElement {
  static override styles = rootStyles;
  @property({ attribute: false }) account?: AccountController;
  @property() locale: Locale = 'en';

  override render() {
    const a = this.account;
    if (!a) return html``;
    const t = messagesFor(this.locale);
    const area = renderAccountArea(a);
    return html`<section aria-label="Test">
      <header>${area.renderBack(t)}</header>
      ${area.renderBar(t)} ${area.shown ? area.renderNotice(t) : ''}
      ${area.shown ? area.renderScreen(t, this.locale) : html`<p>booking flow</p>`}
    </section>`;
  }
}
customElements.define('account-render-host', RenderHost);

async function setup(locale: Locale = 'en', popup: Window | null = {} as Window) {
  const host = await fixture<RenderHost>(
    html`<account-render-host .locale=${locale}></account-render-host>`,
  );
  const account = new AccountController(host, {
    api: fakePortal().api,
    session: fakeSession(),
    catalogue: new StepData(catalogueApi, () => host.requestUpdate()),
    openLogin: () => popup,
    openWindow: () => null,
  });
  host.account = account;
  await host.updateComplete;
  return { host, account };
}

const settle = async (host: RenderHost) => {
  await tick(10);
  await host.updateComplete;
};
const shadow = (host: RenderHost) => host.shadowRoot!;

describe('signed-in screens in the root', () => {
  it('signed out: "Sign in" in the bar; a blocked popup is explained with "Try again"', async () => {
    const { host, account } = await setup('en', null);
    const bar = shadow(host).querySelector('pb-account-bar')!;
    await bar.updateComplete;
    expect(bar.status).to.equal('signed-out');
    await expect(host).shadowDom.to.be.accessible();
    account.send({ type: 'LOGIN' });
    await settle(host);
    expect(bar.error).to.equal(messagesFor('en').login.popupBlocked);
    await expect(host).shadowDom.to.be.accessible();
  });

  // One test per language: axe on six screens is slow in WebKit on a loaded machine (both in one
  // test ran past the 10 s timeout beside another suite).
  for (const locale of ['en', 'de'] as const) {
    it(`the list, the detail, the times and the confirmation are accessible (${locale})`, async () => {
      const { host, account } = await setup(locale);
      account.send({ type: 'LOGIN' });
      await settle(host);
      const bar = shadow(host).querySelector('pb-account-bar')!;
      expect(bar.status).to.equal('signed-in');
      expect(bar.name).to.equal('Erika Mustermann');

      account.send({ type: 'SHOW', view: 'appointments' });
      await settle(host);
      const list = shadow(host).querySelector('pb-appointments-step')!;
      expect(list.appointments).to.have.length(1);
      expect(bar.view).to.equal('appointments');
      await expect(host).shadowDom.to.be.accessible();
      await expect(list).shadowDom.to.be.accessible();

      account.send({ type: 'OPEN', id: 'a1' });
      await settle(host);
      const detail = shadow(host).querySelector('pb-appointment-detail')!;
      expect(detail.appointment.id).to.equal('a1');
      expect(detail.asapEnabled).to.equal(true);
      expect(detail.asapEmail).to.equal('erika@example.com');
      await expect(detail).shadowDom.to.be.accessible();

      account.send({ type: 'RESCHEDULE' });
      await settle(host);
      account.ensureScreenData();
      await settle(host);
      const times = shadow(host).querySelector('pb-time-step')!;
      expect(times.availabilities).to.deep.equal([slot]);
      expect(shadow(host).querySelector('button.back')).not.to.equal(null);
      await expect(host).shadowDom.to.be.accessible();
      await expect(times).shadowDom.to.be.accessible();

      account.pickTime(slot.id);
      await settle(host);
      const confirm = shadow(host).querySelector('pb-reschedule-confirm')!;
      expect(confirm.availability).to.deep.equal(slot);
      await expect(confirm).shadowDom.to.be.accessible();
    });
  }

  it('a detail whose load failed offers Retry', async () => {
    const { host, account } = await setup();
    account.send({ type: 'LOGIN' });
    await settle(host);
    account.send({ type: 'SHOW', view: 'appointments' });
    account.send({ type: 'OPEN', id: 'missing' });
    await settle(host);
    const status = shadow(host).querySelector('pb-status')!;
    expect(status.kind).to.equal('error');
    expect(status.message).to.equal(messagesFor('en').errors.not_found);
    await expect(host).shadowDom.to.be.accessible();
  });
});
