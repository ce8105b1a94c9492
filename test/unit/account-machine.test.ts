import { expect } from '@open-wc/testing';
import {
  initialAccountState,
  isSignedIn,
  SESSION_EXPIRED,
  showsAppointments,
  transition,
  type AccountEvent,
  type AccountState,
} from '../../src/account/machine.js';

const on = { filter: 'past' as const, id: 'ap1' };

const STATES: Record<string, AccountState> = {
  signedOut: { screen: 'signedOut', error: null },
  signingIn: { screen: 'signingIn' },
  booking: { screen: 'booking' },
  list: { screen: 'list', filter: 'upcoming' },
  detail: { screen: 'detail', ...on, busy: null },
  cancelling: { screen: 'detail', ...on, busy: 'cancel' },
  taking: { screen: 'detail', ...on, busy: 'take' },
  times: { screen: 'rescheduleTime', ...on },
  confirm: { screen: 'rescheduleConfirm', ...on, availabilityId: 'av+/=', submission: null },
  sending: {
    screen: 'rescheduleConfirm',
    ...on,
    availabilityId: 'av+/=',
    submission: { idempotencyKey: 'k1', status: 'sending' },
  },
  failed: {
    screen: 'rescheduleConfirm',
    ...on,
    availabilityId: 'av+/=',
    submission: { idempotencyKey: 'k1', status: 'failed' },
  },
};

const EVENTS: Record<string, AccountEvent> = {
  LOGIN: { type: 'LOGIN' },
  LOGGED_IN: { type: 'LOGGED_IN' },
  LOGIN_FAILED: { type: 'LOGIN_FAILED', code: 'popup_closed' },
  LOGOUT: { type: 'LOGOUT' },
  SESSION_ENDED: { type: 'SESSION_ENDED' },
  SHOW: { type: 'SHOW', view: 'appointments' },
  FILTER: { type: 'FILTER', filter: 'past' },
  MORE: { type: 'MORE' },
  OPEN: { type: 'OPEN', id: 'ap2' },
  BACK: { type: 'BACK' },
  RETRY: { type: 'RETRY' },
  RESCHEDULE: { type: 'RESCHEDULE' },
  PICK_TIME: { type: 'PICK_TIME', availabilityId: 'av2' },
  CONFIRM: { type: 'CONFIRM', idempotencyKey: 'k2' },
  RESCHEDULED: { type: 'RESCHEDULED' },
  SLOT_TAKEN: { type: 'SLOT_TAKEN' },
  CANCEL: { type: 'CANCEL', idempotencyKey: 'k3' },
  CANCELLED: { type: 'CANCELLED' },
  ASAP_SUBSCRIBE: { type: 'ASAP_SUBSCRIBE', email: 'e@example.com' },
  ASAP_UNSUBSCRIBE: { type: 'ASAP_UNSUBSCRIBE' },
  ASAP_CHECK: { type: 'ASAP_CHECK' },
  ASAP_TAKE: { type: 'ASAP_TAKE', availabilityId: 'av3', idempotencyKey: 'k4' },
  VIDEO: { type: 'VIDEO' },
  DONE: { type: 'DONE' },
  FAILED: { type: 'FAILED' },
};

// Per state, the outcome of each event in the order of EVENTS: '=' the same state object and
// no effects; '~' the same screen, changed or with effects; otherwise the next screen.
// prettier-ignore
const EXPECTED: Record<string, string> = {
  //          LOGIN      LOGGED_IN  LOGIN_FAIL LOGOUT     SESSION_E  SHOW   FILTER MORE OPEN   BACK       RETRY RESCHED    PICK_TIME  CONFIRM RESCHED'D SLOT_TAKEN CANCEL CANCELLED A_SUB A_UNSUB A_CHECK A_TAKE VIDEO DONE FAILED
  signedOut:  'signingIn =         =          =          =          =      =      =    =      =          =     =          =          =       =         =          =      =         =     =       =       =      =     =    =',
  signingIn:  '=         booking   signedOut  =          =          =      =      =    =      =          =     =          =          =       =         =          =      =         =     =       =       =      =     =    =',
  booking:    '=         =         =          signedOut  signedOut  list   =      =    =      =          =     =          =          =       =         =          =      =         =     =       =       =      =     =    =',
  list:       '=         =         =          signedOut  signedOut  ~      ~      ~    detail =          ~     =          =          =       =         =          =      =         =     =       =       =      =     =    =',
  detail:     '=         =         =          signedOut  signedOut  list   =      =    =      list       ~     rescheduleTime =      =       =         =          ~      =         ~     ~       ~       ~      ~     =    =',
  cancelling: '=         =         =          signedOut  signedOut  =      =      =    =      =          ~     =          =          =       =         =          =      ~         =     =       =       =      =     ~    ~',
  taking:     '=         =         =          signedOut  signedOut  =      =      =    =      =          ~     =          =          =       ~         ~          =      =         =     =       =       =      =     ~    ~',
  times:      '=         =         =          signedOut  signedOut  list   =      =    =      detail     ~     =          rescheduleConfirm = =     =          =      =         =     =       =       =      =     =    =',
  confirm:    '=         =         =          signedOut  signedOut  list   =      =    =      rescheduleTime = =          =          ~       =         =          =      =         =     =       =       =      =     =    =',
  sending:    '=         =         =          signedOut  signedOut  =      =      =    =      =          =     =          =          =       detail    rescheduleTime = =       =     =       =       =      =     =    ~',
  failed:     '=         =         =          signedOut  signedOut  list   =      =    =      rescheduleTime = =          =          ~       =         =          =      =         =     =       =       =      =     =    =',
};

describe('account machine', () => {
  const events = Object.keys(EVENTS);
  for (const [name, state] of Object.entries(STATES)) {
    const expected = EXPECTED[name]!.trim().split(/\s+/);
    it(`${name}: every event (${events.length}) has the expected outcome`, () => {
      expect(expected.length, 'table row length').to.equal(events.length);
      events.forEach((eventName, i) => {
        const { state: next, effects } = transition(state, EVENTS[eventName]!);
        const got =
          next === state && effects.length === 0
            ? '='
            : next.screen === state.screen
              ? '~'
              : next.screen;
        expect(got, `${name} × ${eventName}`).to.equal(expected[i]);
      });
    });
  }

  it('opens the login popup as an effect of LOGIN (run inside the click)', () => {
    const { state, effects } = transition(initialAccountState(), EVENTS.LOGIN!);
    expect(state).to.deep.equal({ screen: 'signingIn' });
    expect(effects.map((e) => e.type)).to.deep.equal(['screenChanged', 'openLogin']);
  });

  it('keeps the sign-in failure code, and marks an ended session as expired', () => {
    expect(transition(STATES.signingIn!, EVENTS.LOGIN_FAILED!).state).to.deep.equal({
      screen: 'signedOut',
      error: 'popup_closed',
    });
    const ended = transition(STATES.detail!, EVENTS.SESSION_ENDED!);
    expect(ended.state).to.deep.equal({ screen: 'signedOut', error: SESSION_EXPIRED });
    expect(ended.effects.map((e) => e.type)).to.deep.equal(['screenChanged', 'sessionEnded']);
    const out = transition(STATES.booking!, EVENTS.LOGOUT!);
    expect(out.effects.map((e) => e.type)).to.deep.equal(['screenChanged', 'signOut']);
  });

  it('loads the list fresh from the booking flow, as kept when coming back from a detail', () => {
    expect(transition(STATES.booking!, EVENTS.SHOW!).effects[1]).to.deep.equal({
      type: 'loadList',
      filter: 'upcoming',
      fresh: true,
    });
    const back = transition(STATES.detail!, EVENTS.BACK!);
    expect(back.state).to.deep.equal({ screen: 'list', filter: 'past' });
    expect(back.effects[1]).to.deep.equal({ type: 'loadList', filter: 'past', fresh: false });
    expect(transition(STATES.list!, EVENTS.FILTER!).state).to.deep.equal({
      screen: 'list',
      filter: 'past',
    });
    expect(transition(STATES.list!, { type: 'FILTER', filter: 'upcoming' }).effects).to.deep.equal(
      [],
    );
  });

  it('runs one action at a time on a detail', () => {
    const { state, effects } = transition(STATES.detail!, EVENTS.CANCEL!);
    expect(state).to.deep.equal({ ...STATES.detail, busy: 'cancel' });
    expect(effects).to.deep.equal([{ type: 'cancel', id: 'ap1', idempotencyKey: 'k3' }]);
    const done = transition(state, EVENTS.CANCELLED!);
    expect(done.state).to.deep.equal(STATES.detail);
    expect(done.effects).to.deep.equal([{ type: 'cancelled', id: 'ap1' }]);
    const take = transition(STATES.detail!, EVENTS.ASAP_TAKE!);
    expect(take.effects).to.deep.equal([
      { type: 'reschedule', id: 'ap1', availabilityId: 'av3', idempotencyKey: 'k4' },
    ]);
    expect(transition(STATES.detail!, EVENTS.VIDEO!).effects).to.deep.equal([
      { type: 'video', id: 'ap1' },
    ]);
  });

  it('reuses the idempotency key when a failed move is retried', () => {
    const first = transition(STATES.confirm!, EVENTS.CONFIRM!);
    expect(first.effects).to.deep.equal([
      { type: 'reschedule', id: 'ap1', availabilityId: 'av+/=', idempotencyKey: 'k2' },
    ]);
    const retried = transition(STATES.failed!, EVENTS.CONFIRM!);
    expect(retried.effects).to.deep.equal([
      { type: 'reschedule', id: 'ap1', availabilityId: 'av+/=', idempotencyKey: 'k1' },
    ]);
    const moved = transition(STATES.sending!, EVENTS.RESCHEDULED!);
    expect(moved.state).to.deep.equal({ screen: 'detail', ...on, busy: null });
    expect(moved.effects.map((e) => e.type)).to.deep.equal(['screenChanged', 'rescheduled']);
    const taken = transition(STATES.sending!, EVENTS.SLOT_TAKEN!);
    expect(taken.effects[1]).to.deep.equal({ type: 'loadTimes', id: 'ap1', fresh: true });
  });

  it('knows which screens are signed in and which show appointments', () => {
    const signedIn = Object.entries(STATES)
      .filter(([, s]) => isSignedIn(s))
      .map(([n]) => n);
    expect(signedIn).to.deep.equal(Object.keys(STATES).slice(2));
    const shown = Object.entries(STATES)
      .filter(([, s]) => showsAppointments(s))
      .map(([n]) => n);
    expect(shown).to.deep.equal(Object.keys(STATES).slice(3));
  });
});
