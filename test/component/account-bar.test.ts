import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbAccountBar, SignInStatus } from '../../src/views/account/account-view.js';
import '../../src/views/account/account-view.js';

interface Props {
  t?: typeof de;
  status?: SignInStatus;
  name?: string;
  view?: 'booking' | 'appointments';
  error?: string;
}

function render(p: Props = {}) {
  return fixture<PbAccountBar>(
    html`<pb-account-bar
      .t=${p.t ?? de}
      .status=${p.status ?? 'signed-out'}
      .name=${p.name}
      .view=${p.view ?? 'booking'}
      .error=${p.error}
    ></pb-account-bar>`,
  );
}

const q = (el: PbAccountBar, part: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);
const qa = (el: PbAccountBar, part: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<pb-account-bar>', () => {
  it('signed out: a short prompt and "Sign in"', async () => {
    const el = await render();
    expect(text(q(el, 'prompt'))).to.equal('Bereits in dieser Praxis in Behandlung?');
    expect(text(q(el, 'sign-in'))).to.equal('Anmelden');
    expect(q(el, 'sign-in')!.getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.querySelector('h2')).to.equal(null);
    expect(q(el, 'nav')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('dispatches pb-login synchronously inside the click (for the popup)', async () => {
    const el = await render();
    const seen: Event[] = [];
    const listener = (e: Event) => seen.push(e);
    document.addEventListener('pb-login', listener);
    try {
      q(el, 'sign-in')!.click();
      expect(seen).to.have.length(1); // the listener ran before click() returned
    } finally {
      document.removeEventListener('pb-login', listener);
    }
    expect(seen[0].bubbles).to.equal(true);
    expect(seen[0].composed).to.equal(true);
    expect((seen[0] as CustomEvent).detail).to.deep.equal({});
  });

  it('signs in from the keyboard (Enter and Space)', async () => {
    const el = await render();
    let count = 0;
    el.addEventListener('pb-login', () => count++);
    q(el, 'sign-in')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' }); // the space bar by its key value, which every driver takes
    expect(count).to.equal(2);
  });

  it('signing in: the same button stays focused, busy and inert, with a hint', async () => {
    const el = await render();
    const button = q(el, 'sign-in')!;
    button.focus();
    el.status = 'signing-in';
    await el.updateComplete;
    expect(q(el, 'sign-in')).to.equal(button);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(text(button)).to.equal('Anmeldung läuft …');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const hint = q(el, 'hint')!;
    expect(hint.getAttribute('role')).to.equal('status');
    expect(text(hint)).to.equal('Bitte schließen Sie die Anmeldung im neuen Fenster ab.');
    let fired = false;
    el.addEventListener('pb-login', () => (fired = true));
    button.click();
    expect(fired).to.equal(false);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows a sign-in error with "Try again", keeping focus on the button', async () => {
    const el = await render({ status: 'signing-in' });
    const button = q(el, 'sign-in')!;
    button.focus();
    el.status = 'signed-out';
    el.error = de.login.popupBlocked;
    await el.updateComplete;
    const alert = q(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('Pop-ups');
    expect(q(el, 'sign-in')).to.equal(button);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(text(button)).to.equal('Erneut versuchen');
    expect(text(q(el, 'hint'))).to.equal('');
    setTimeout(() => button.click());
    await oneEvent(el, 'pb-login');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('offers "Sign in again" after the session expired', async () => {
    const el = await render({ error: de.login.sessionExpired });
    expect(text(q(el, 'error'))).to.equal(de.login.sessionExpired);
    expect(text(q(el, 'sign-in'))).to.equal('Erneut anmelden');
    el.error = de.errors.unauthorized;
    await el.updateComplete;
    expect(text(q(el, 'sign-in'))).to.equal('Erneut anmelden');
  });

  it('signed in: name, navigation with aria-current, sign out', async () => {
    const el = await render({ status: 'signed-in', name: 'Erika Mustermann' });
    expect(text(q(el, 'user'))).to.equal('Angemeldet als Erika Mustermann');
    expect(q(el, 'sign-in')).to.equal(null);
    const nav = q(el, 'nav')!;
    expect(nav.tagName).to.equal('NAV');
    expect(nav.getAttribute('aria-label')).to.equal('Ihr Konto');
    const [book, mine] = qa(el, 'nav-button');
    expect(text(book)).to.equal('Termin buchen');
    expect(text(mine)).to.equal('Meine Termine');
    expect(book.getAttribute('aria-current')).to.equal('page');
    expect(mine.getAttribute('aria-current')).to.equal('false');
    await expect(el).shadowDom.to.be.accessible();

    setTimeout(() => mine.click());
    expect((await oneEvent(el, 'pb-show')).detail).to.deep.equal({ view: 'appointments' });
    el.view = 'appointments';
    await el.updateComplete;
    expect(mine.getAttribute('aria-current')).to.equal('page');
    expect(book.getAttribute('aria-current')).to.equal('false');
    setTimeout(() => book.click());
    expect((await oneEvent(el, 'pb-show')).detail).to.deep.equal({ view: 'booking' });

    setTimeout(() => q(el, 'sign-out')!.click());
    const out = await oneEvent(el, 'pb-logout');
    expect(out.composed).to.equal(true);
  });

  it('navigates from the keyboard', async () => {
    const el = await render({ status: 'signed-in', name: 'Erika' });
    const [book] = qa(el, 'nav-button');
    book.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(qa(el, 'nav-button')[1]);
    setTimeout(() => sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'pb-show')).detail).to.deep.equal({ view: 'appointments' });
  });

  it('speaks English', async () => {
    const el = await render({ t: en });
    expect(text(q(el, 'prompt'))).to.equal('Already a patient of this practice?');
    expect(text(q(el, 'sign-in'))).to.equal('Sign in');
    el.status = 'signed-in';
    await el.updateComplete;
    expect(text(q(el, 'user'))).to.equal('Signed in');
    expect(qa(el, 'nav-button').map(text)).to.deep.equal([
      'Book an appointment',
      'My appointments',
    ]);
    expect(text(q(el, 'sign-out'))).to.equal('Sign out');
    el.name = 'Max';
    el.status = 'signing-in';
    await el.updateComplete;
    expect(text(q(el, 'sign-in'))).to.equal('Signing in …');
    expect(text(q(el, 'hint'))).to.equal('Please complete the sign-in in the new window.');
    await expect(el).shadowDom.to.be.accessible();
  });
});
