/**
 * The signed-in side of the widget as a pure state machine: signing in and out, and a patient's
 * appointments (list, detail, reschedule, cancel, ASAP list, video). No DOM, no fetch, no clock.
 * `transition(state, event)` returns the next state and the effects to run, as data; the account
 * controller runs them. Unknown events in a state return the same state and no effects.
 *
 * Signed out (or signing in), the widget shows the booking flow (as a guest) with a "Sign in"
 * bar; signed in, the booking flow or the patient's appointments.
 */

export const FILTERS = ['upcoming', 'past'] as const;
export type Filter = (typeof FILTERS)[number];

/** The detail's action under way. */
export const BUSY = {
  cancel: 'cancel',
  asap: 'asap',
  check: 'check',
  video: 'video',
  take: 'take',
} as const;
export type Busy = (typeof BUSY)[keyof typeof BUSY];

/** Why the session ended without the patient signing out: the portal refused to refresh it. */
export const SESSION_EXPIRED = 'session_expired';

export const SUBMISSION_STATUS = { sending: 'sending', failed: 'failed' } as const;
export interface Submission {
  idempotencyKey: string;
  status: (typeof SUBMISSION_STATUS)[keyof typeof SUBMISSION_STATUS];
}

interface Listed {
  filter: Filter;
}
interface Opened extends Listed {
  id: string;
}

export type AccountState =
  /** `error`: an `ErrorCode` of the failed sign-in, or `SESSION_EXPIRED`. */
  | { screen: 'signedOut'; error: string | null }
  | { screen: 'signingIn' }
  | { screen: 'booking' }
  | (Listed & { screen: 'list' })
  | (Opened & { screen: 'detail'; busy: Busy | null })
  | (Opened & { screen: 'rescheduleTime' })
  | (Opened & {
      screen: 'rescheduleConfirm';
      availabilityId: string;
      submission: Submission | null;
    });

export type Screen = AccountState['screen'];

export type AccountEvent =
  | { type: 'LOGIN' }
  | { type: 'LOGGED_IN' }
  | { type: 'LOGIN_FAILED'; code: string }
  | { type: 'LOGOUT' }
  | { type: 'SESSION_ENDED' }
  | { type: 'SHOW'; view: 'booking' | 'appointments' }
  | { type: 'FILTER'; filter: Filter }
  | { type: 'MORE' }
  | { type: 'OPEN'; id: string }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'RESCHEDULE' }
  | { type: 'PICK_TIME'; availabilityId: string }
  /** Confirm the new time; the key is used unless a failed submission is retried. */
  | { type: 'CONFIRM'; idempotencyKey: string }
  | { type: 'RESCHEDULED' }
  | { type: 'SLOT_TAKEN' }
  | { type: 'CANCEL'; idempotencyKey: string }
  | { type: 'CANCELLED' }
  | { type: 'ASAP_SUBSCRIBE'; email: string }
  | { type: 'ASAP_UNSUBSCRIBE' }
  | { type: 'ASAP_CHECK' }
  | { type: 'ASAP_TAKE'; availabilityId: string; idempotencyKey: string }
  | { type: 'VIDEO' }
  /** The detail's action finished (its result is the controller's data). */
  | { type: 'DONE' }
  | { type: 'FAILED' };

export type Effect =
  | { type: 'screenChanged'; screen: Screen; previous: Screen }
  /** Opens the login popup: synchronously, still inside the click. */
  | { type: 'openLogin' }
  | { type: 'signedIn' }
  | { type: 'signOut' }
  | { type: 'sessionEnded' }
  /** `fresh`: load again even if loaded (entering the appointments from the booking flow). */
  | { type: 'loadList'; filter: Filter; fresh: boolean }
  | { type: 'loadMore'; filter: Filter }
  | { type: 'loadDetail'; id: string }
  | { type: 'loadTimes'; id: string; fresh: boolean }
  | { type: 'retry' }
  | { type: 'reschedule'; id: string; availabilityId: string; idempotencyKey: string }
  | { type: 'rescheduled'; id: string }
  | { type: 'cancel'; id: string; idempotencyKey: string }
  | { type: 'cancelled'; id: string }
  | { type: 'subscribe'; id: string; email: string }
  | { type: 'unsubscribe'; id: string }
  | { type: 'check'; id: string }
  /** Opens a window synchronously, still inside the click, then asks for the video link. */
  | { type: 'video'; id: string };

export interface Transition {
  state: AccountState;
  effects: Effect[];
}

type EventOf<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>;
type StateOf<S extends Screen> = Extract<AccountState, { screen: S }>;
type Handler<S extends Screen, E extends AccountEvent['type']> = (
  state: StateOf<S>,
  event: EventOf<E>,
) => Transition;
type Handlers<S extends Screen> = { [E in AccountEvent['type']]?: Handler<S, E> };

export const initialAccountState = (): AccountState => ({ screen: 'signedOut', error: null });

/** Screens of the patient's appointments (the others show the booking flow). */
export const isAppointmentScreen = (screen: Screen): boolean =>
  screen === 'list' ||
  screen === 'detail' ||
  screen === 'rescheduleTime' ||
  screen === 'rescheduleConfirm';

/** Whether the patient's appointments (not the booking flow) are shown. */
export const showsAppointments = (s: AccountState): boolean => isAppointmentScreen(s.screen);

export const isSignedIn = (s: AccountState): boolean =>
  s.screen !== 'signedOut' && s.screen !== 'signingIn';

const to = (state: AccountState, ...effects: Effect[]): Transition => ({ state, effects });

const list = (filter: Filter, fresh: boolean): Transition =>
  to({ screen: 'list', filter }, { type: 'loadList', filter, fresh });

const detail = (s: Opened, ...effects: Effect[]): Transition =>
  to({ screen: 'detail', filter: s.filter, id: s.id, busy: null }, ...effects);

const show = (s: AccountState, e: EventOf<'SHOW'>): Transition => {
  if (e.view === 'appointments') return list('upcoming', true);
  return s.screen === 'booking' ? to(s) : to({ screen: 'booking' });
};

/** What every signed-in screen understands. */
const SIGNED_IN = {
  LOGOUT: () => to({ screen: 'signedOut', error: null }, { type: 'signOut' }),
  SESSION_ENDED: () =>
    to({ screen: 'signedOut', error: SESSION_EXPIRED }, { type: 'sessionEnded' }),
  SHOW: show,
};

/** An action of the detail, unless another one is under way. */
const act =
  <E extends AccountEvent['type']>(
    busy: Busy,
    effect: (s: StateOf<'detail'>, e: EventOf<E>) => Effect,
  ) =>
  (s: StateOf<'detail'>, e: EventOf<E>): Transition =>
    s.busy ? to(s) : to({ ...s, busy }, effect(s, e));

const idle = (s: StateOf<'detail'>): Transition => (s.busy ? to({ ...s, busy: null }) : to(s));

const sending = (s: StateOf<'rescheduleConfirm'>) =>
  s.submission?.status === SUBMISSION_STATUS.sending;

const TABLE: { [S in Screen]: Handlers<S> } = {
  signedOut: {
    LOGIN: () => to({ screen: 'signingIn' }, { type: 'openLogin' }),
  },
  signingIn: {
    LOGGED_IN: () => to({ screen: 'booking' }, { type: 'signedIn' }),
    LOGIN_FAILED: (_s, e) => to({ screen: 'signedOut', error: e.code }),
  },
  booking: { ...SIGNED_IN },
  list: {
    ...SIGNED_IN,
    FILTER: (s, e) => (e.filter === s.filter ? to(s) : list(e.filter, false)),
    MORE: (s) => to(s, { type: 'loadMore', filter: s.filter }),
    OPEN: (s, e) =>
      to(
        { screen: 'detail', filter: s.filter, id: e.id, busy: null },
        { type: 'loadDetail', id: e.id },
      ),
    RETRY: (s) => to(s, { type: 'retry' }),
  },
  detail: {
    ...SIGNED_IN,
    // A change under way finishes here (its result and public event belong to this screen).
    SHOW: (s, e) => (s.busy ? to(s) : show(s, e)),
    BACK: (s) => (s.busy ? to(s) : list(s.filter, false)),
    RETRY: (s) => to(s, { type: 'retry' }),
    RESCHEDULE: (s) =>
      s.busy
        ? to(s)
        : to(
            { screen: 'rescheduleTime', filter: s.filter, id: s.id },
            { type: 'loadTimes', id: s.id, fresh: true },
          ),
    CANCEL: act<'CANCEL'>(BUSY.cancel, (s, e) => ({
      type: 'cancel',
      id: s.id,
      idempotencyKey: e.idempotencyKey,
    })),
    ASAP_SUBSCRIBE: act<'ASAP_SUBSCRIBE'>(BUSY.asap, (s, e) => ({
      type: 'subscribe',
      id: s.id,
      email: e.email,
    })),
    ASAP_UNSUBSCRIBE: act<'ASAP_UNSUBSCRIBE'>(BUSY.asap, (s) => ({
      type: 'unsubscribe',
      id: s.id,
    })),
    ASAP_CHECK: act<'ASAP_CHECK'>(BUSY.check, (s) => ({ type: 'check', id: s.id })),
    ASAP_TAKE: act<'ASAP_TAKE'>(BUSY.take, (s, e) => ({
      type: 'reschedule',
      id: s.id,
      availabilityId: e.availabilityId,
      idempotencyKey: e.idempotencyKey,
    })),
    VIDEO: act<'VIDEO'>(BUSY.video, (s) => ({ type: 'video', id: s.id })),
    CANCELLED: (s) => (s.busy === BUSY.cancel ? detail(s, { type: 'cancelled', id: s.id }) : to(s)),
    RESCHEDULED: (s) =>
      s.busy === BUSY.take ? detail(s, { type: 'rescheduled', id: s.id }) : to(s),
    SLOT_TAKEN: (s) => (s.busy === BUSY.take ? detail(s) : to(s)),
    DONE: idle,
    FAILED: idle,
  },
  rescheduleTime: {
    ...SIGNED_IN,
    BACK: (s) => detail(s),
    RETRY: (s) => to(s, { type: 'retry' }),
    PICK_TIME: (s, e) =>
      to({ ...s, screen: 'rescheduleConfirm', availabilityId: e.availabilityId, submission: null }),
  },
  rescheduleConfirm: {
    ...SIGNED_IN,
    SHOW: (s, e) => (sending(s) ? to(s) : show(s, e)),
    BACK: (s) =>
      sending(s)
        ? to(s)
        : to(
            { screen: 'rescheduleTime', filter: s.filter, id: s.id },
            { type: 'loadTimes', id: s.id, fresh: false },
          ),
    CONFIRM: (s, e) => {
      if (sending(s)) return to(s);
      const idempotencyKey = s.submission?.idempotencyKey ?? e.idempotencyKey;
      const next = { ...s, submission: { idempotencyKey, status: SUBMISSION_STATUS.sending } };
      return to(next, {
        type: 'reschedule',
        id: s.id,
        availabilityId: s.availabilityId,
        idempotencyKey,
      });
    },
    RESCHEDULED: (s) => (sending(s) ? detail(s, { type: 'rescheduled', id: s.id }) : to(s)),
    SLOT_TAKEN: (s) =>
      sending(s)
        ? to(
            { screen: 'rescheduleTime', filter: s.filter, id: s.id },
            { type: 'loadTimes', id: s.id, fresh: true },
          )
        : to(s),
    FAILED: (s) =>
      sending(s) && s.submission
        ? to({ ...s, submission: { ...s.submission, status: SUBMISSION_STATUS.failed } })
        : to(s),
  },
};

/** The next state and the effects to run. Pure: the same input always gives the same output. */
export function transition(state: AccountState, event: AccountEvent): Transition {
  const handlers = TABLE[state.screen] as Handlers<Screen>;
  const handler = handlers[event.type] as
    ((s: AccountState, e: AccountEvent) => Transition) | undefined;
  if (!handler) return { state, effects: [] };
  const result = handler(state, event);
  if (result.state.screen === state.screen) return result;
  const changed: Effect = {
    type: 'screenChanged',
    screen: result.state.screen,
    previous: state.screen,
  };
  return { state: result.state, effects: [changed, ...result.effects] };
}
