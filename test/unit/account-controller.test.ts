import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import type { UserProfile } from '../../src/api/types.js';
import { AccountController } from '../../src/account/controller.js';
import { FLOW_ERROR_SENTENCES } from '../../src/booking/flow-error-sentences.js';
import { addSentences } from '../../src/booking/public-error.js';
import { StepData } from '../../src/booking/step-data.js';

// As the account's loader does (src/lazy/load-account.ts): its errors' sentences for booking-error.
addSentences(FLOW_ERROR_SENTENCES);
import { catalogueApi, fakePortal, fakeSession, profile, slot } from './account-fakes.js';
import { tick } from './http-fakes.js';

class TestHost extends LitElement {}
customElements.define('account-test-host', TestHost);

async function setup(options: { popup?: Window | null } = {}) {
  const host = await fixture<TestHost>(html`<account-test-host></account-test-host>`);
  const portal = fakePortal();
  const session = fakeSession();
  const events: Array<{ type: string; detail: unknown }> = [];
  for (const type of ['booking-cancelled', 'booking-rescheduled', 'booking-error']) {
    host.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  }
  const profiles: Array<[UserProfile | null, string]> = [];
  const opened: string[] = [];
  const video = { closed: false, opener: {}, location: { replace: (u: string) => opened.push(u) } };
  let keys = 0;
  const account = new AccountController(host, {
    api: portal.api,
    session,
    catalogue: new StepData(catalogueApi, () => host.requestUpdate()),
    openLogin: () => (options.popup === undefined ? ({} as Window) : options.popup),
    openWindow: () => video as unknown as Window,
    onProfile: (p, why) => profiles.push([p, why]),
    newKey: () => `k${++keys}`,
  });
  return { host, account, portal, events, profiles, opened, session };
}

async function signedInDetail() {
  const s = await setup();
  s.account.send({ type: 'LOGIN' });
  await tick();
  s.account.send({ type: 'SHOW', view: 'appointments' });
  await tick();
  s.account.send({ type: 'OPEN', id: 'a1' });
  await tick();
  return s;
}

describe('account controller', () => {
  it('opens the popup inside send() and signs in; the profile prefills the booking', async () => {
    const { account, profiles } = await setup();
    account.send({ type: 'LOGIN' });
    expect(account.state.screen).to.equal('signingIn');
    await tick();
    expect(account.state.screen).to.equal('booking');
    expect(account.profile).to.deep.equal(profile);
    expect(profiles).to.deep.equal([[profile, 'signedIn']]);
  });

  it('reports a blocked popup (no sign-in attempted)', async () => {
    const { account, events, session } = await setup({ popup: null });
    account.send({ type: 'LOGIN' });
    expect(account.state).to.deep.equal({ screen: 'signedOut', error: 'popup_blocked' });
    expect(session.signedIn).to.equal(false);
    expect(events).to.deep.equal([
      {
        type: 'booking-error',
        detail: { code: 'popup_blocked', message: 'The login popup was blocked.', setting: null },
      },
    ]);
  });

  it('cancels: the portal is asked once, the host hears only the id', async () => {
    const { account, portal, events } = await signedInDetail();
    expect(account.detail?.id).to.equal('a1');
    account.send({ type: 'CANCEL', idempotencyKey: 'k-cancel' });
    account.send({ type: 'CANCEL', idempotencyKey: 'k-again' }); // busy: ignored
    await tick();
    expect(portal.calls.filter((c) => c.startsWith('cancel'))).to.deep.equal([
      'cancel:a1:k-cancel',
    ]);
    expect(account.detail?.status).to.equal('cancelled');
    expect(account.actions.notice).to.deep.equal({ kind: 'cancelled' });
    expect(events).to.deep.equal([{ type: 'booking-cancelled', detail: { appointmentId: 'a1' } }]);
  });

  it('explains a cancel the portal refuses as too late (422 not_cancelable)', async () => {
    const { account, portal } = await signedInDetail();
    portal.failWith(new ApiError('too late', 'not_cancelable', 422));
    account.send({ type: 'CANCEL', idempotencyKey: 'k' });
    await tick();
    expect(account.actions.error?.code).to.equal('not_cancelable');
    expect(account.state).to.deep.include({ screen: 'detail', busy: null });
  });

  it('reschedules through the time step: same id, event with the previous time', async () => {
    const { account, portal, events } = await signedInDetail();
    account.send({ type: 'RESCHEDULE' });
    await tick();
    account.ensureScreenData();
    await tick();
    account.pickTime(slot.id);
    expect(account.state.screen).to.equal('rescheduleConfirm');
    account.send({ type: 'CONFIRM', idempotencyKey: 'k-move' });
    await tick();
    expect(portal.calls).to.include('reschedule:av+/=:p1');
    expect(account.state.screen).to.equal('detail');
    expect(account.detail?.startsAt).to.deep.equal(slot.startsAt);
    expect(events).to.deep.equal([
      {
        type: 'booking-rescheduled',
        detail: {
          appointmentId: 'a1',
          startsAt: '2026-06-20T09:00:00.000Z',
          endsAt: '2026-06-20T09:30:00.000Z',
          previousStartsAt: '2026-07-01T08:00:00.000Z',
        },
      },
    ]);
  });

  it('goes back to the times when the new time was taken meanwhile', async () => {
    const { account, portal } = await signedInDetail();
    account.send({ type: 'RESCHEDULE' });
    await tick();
    account.ensureScreenData();
    await tick();
    account.pickTime(slot.id);
    portal.failWith(new ApiError('taken', 'availability_taken', 409));
    account.send({ type: 'CONFIRM', idempotencyKey: 'k' });
    await tick();
    expect(account.state.screen).to.equal('rescheduleTime');
    expect(account.actions.error?.code).to.equal('availability_taken');
  });

  it('checks for an earlier time and moves there in one step', async () => {
    const { account, events } = await signedInDetail();
    account.send({ type: 'ASAP_CHECK' });
    await tick();
    expect(account.actions.offer).to.deep.equal(slot);
    account.send({ type: 'ASAP_TAKE', availabilityId: slot.id, idempotencyKey: 'k' });
    await tick();
    expect(account.actions.offer).to.equal(undefined);
    expect(events.map((e) => e.type)).to.deep.equal(['booking-rescheduled']);
  });

  it('opens the video window inside the click, then points it at the link', async () => {
    const { account, opened } = await signedInDetail();
    account.send({ type: 'VIDEO' });
    expect(account.state).to.deep.include({ busy: 'video' });
    await tick();
    expect(opened).to.deep.equal(['https://portal.example/video/abc']);
    expect(account.state).to.deep.include({ busy: null });
  });

  it('ends a session the portal no longer honours, keeping the booking draft', async () => {
    const { account, portal, profiles, session } = await signedInDetail();
    portal.failWith(new ApiError('401 after refresh', 'unauthorized', 401));
    account.send({ type: 'CANCEL', idempotencyKey: 'k' });
    await tick();
    expect(account.state).to.deep.equal({ screen: 'signedOut', error: 'session_expired' });
    expect(session.signedIn).to.equal(false);
    expect(account.detail).to.equal(null);
    expect(profiles.at(-1)).to.deep.equal([null, 'expired']);
  });

  it('signing out forgets the patient (the booking form is cleared)', async () => {
    const { account, profiles } = await signedInDetail();
    account.send({ type: 'LOGOUT' });
    expect(account.profile).to.equal(null);
    expect(account.lists.overview).to.equal(undefined);
    expect(profiles.at(-1)).to.deep.equal([null, 'signedOut']);
  });
});
