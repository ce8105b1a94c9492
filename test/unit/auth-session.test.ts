import { expect } from '@open-wc/testing';
import { ApiError, AuthError } from '../../src/api/errors.js';
import { createHttpClient } from '../../src/api/http.js';
import type { LoginClient, TokenSet } from '../../src/auth/login-client.js';
import { UserSession, REFRESH_MARGIN_MS } from '../../src/auth/session.js';
import { fakeFetch, json, rejection, tick } from './http-fakes.js';

const MINUTE = 60_000;

/** A scripted login client: tokens `t1`, `t2`, … ; refreshes answer with `refreshes`. */
function fakeClient(now: () => number, lifetimeMs = 60 * MINUTE) {
  let n = 0;
  const calls = { signIn: 0, refresh: 0, signOut: 0 };
  const token = (): TokenSet => ({ accessToken: `t${++n}`, expiresAt: now() + lifetimeMs });
  let refreshReply: () => Promise<TokenSet> = async () => token();
  const client: LoginClient = {
    signIn: async () => {
      calls.signIn += 1;
      return token();
    },
    refresh: () => {
      calls.refresh += 1;
      return refreshReply();
    },
    signOut: async () => {
      calls.signOut += 1;
    },
  };
  return {
    client,
    calls,
    replyWith(reply: () => Promise<TokenSet>) {
      refreshReply = reply;
    },
    token,
  };
}

function setup(lifetimeMs?: number) {
  let t = Date.UTC(2026, 2, 1, 9);
  const now = () => t;
  const fake = fakeClient(now, lifetimeMs);
  let ended = 0;
  let loads = 0;
  const session = new UserSession({
    load: async () => {
      loads += 1;
      return fake.client;
    },
    onEnded: () => (ended += 1),
    now,
  });
  const popup = { closed: false, close: () => undefined } as unknown as Window;
  return {
    session,
    fake,
    popup,
    advance: (ms: number) => (t += ms),
    ended: () => ended,
    loads: () => loads,
  };
}

describe('UserSession', () => {
  it('is signed out until signIn, then hands out the access token from memory', async () => {
    const { session, popup, loads } = setup();
    expect(session.signedIn).to.equal(false);
    expect(await rejection(session.getToken({ forceRefresh: false }))).to.be.instanceOf(AuthError);
    expect(loads()).to.equal(0, 'the login code is loaded on the first sign-in only');
    await session.signIn(popup);
    expect(session.signedIn).to.equal(true);
    expect(await session.getToken({ forceRefresh: false })).to.equal('t1');
    expect(await session.getToken({ forceRefresh: false })).to.equal('t1');
    expect(loads()).to.equal(1);
  });

  it('refreshes shortly before expiry (at most half the lifetime early)', async () => {
    const { session, popup, advance, fake } = setup(10 * MINUTE);
    await session.signIn(popup);
    advance(10 * MINUTE - REFRESH_MARGIN_MS - 1);
    expect(await session.getToken({ forceRefresh: false })).to.equal('t1');
    advance(2);
    expect(await session.getToken({ forceRefresh: false })).to.equal('t2');
    expect(fake.calls.refresh).to.equal(1);

    const short = setup(4000);
    await short.session.signIn(short.popup);
    short.advance(1999);
    expect(await short.session.getToken({ forceRefresh: false })).to.equal('t1');
    short.advance(1);
    expect(await short.session.getToken({ forceRefresh: false })).to.equal('t2');
  });

  it('runs one refresh for any number of callers (single flight)', async () => {
    const { session, popup, fake } = setup();
    await session.signIn(popup);
    let release!: () => void;
    fake.replyWith(
      () =>
        new Promise<TokenSet>((resolve) => {
          release = () => resolve(fake.token());
        }),
    );
    const all = Promise.all([
      session.getToken({ forceRefresh: true }),
      session.getToken({ forceRefresh: true }),
      session.getToken({ forceRefresh: false }),
    ]);
    await tick();
    release();
    expect(await all).to.deep.equal(['t2', 't2', 't2']);
    expect(fake.calls.refresh).to.equal(1);
    expect(await session.getToken({ forceRefresh: false })).to.equal('t2');
  });

  it('ends the session when the portal refuses the refresh', async () => {
    const { session, popup, fake, ended } = setup();
    await session.signIn(popup);
    fake.replyWith(async () => {
      throw new ApiError('refresh: invalid_grant', 'unauthorized', 401);
    });
    const error = await rejection(session.getToken({ forceRefresh: true }));
    expect(error).to.be.instanceOf(AuthError);
    expect(session.signedIn).to.equal(false);
    expect(ended()).to.equal(1);
    expect(fake.calls.signOut).to.equal(1);
  });

  it('keeps the session through a passing failure (network)', async () => {
    const { session, popup, fake, ended } = setup();
    await session.signIn(popup);
    fake.replyWith(async () => {
      throw new ApiError('refresh: TypeError', 'network');
    });
    const error = (await rejection(session.getToken({ forceRefresh: true }))) as ApiError;
    expect(error.code).to.equal('network');
    expect(session.signedIn).to.equal(true);
    expect(ended()).to.equal(0);
    fake.replyWith(async () => fake.token());
    expect(await session.getToken({ forceRefresh: true })).to.equal('t2');
  });

  it('drops a refresh that finishes after signing out', async () => {
    const { session, popup, fake } = setup();
    await session.signIn(popup);
    let release!: () => void;
    fake.replyWith(
      () =>
        new Promise<TokenSet>((resolve) => {
          release = () => resolve(fake.token());
        }),
    );
    const pending = session.getToken({ forceRefresh: true });
    await tick();
    session.signOut();
    release();
    expect(await rejection(pending)).to.be.instanceOf(AuthError);
    expect(session.signedIn).to.equal(false);
  });

  it('signs in again only after the last sign-out reached the backend (it drops the cookie)', async () => {
    const { session, popup, fake } = setup();
    await session.signIn(popup);
    let release!: () => void;
    fake.client.signOut = () => {
      fake.calls.signOut += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    session.signOut();
    const again = session.signIn(popup);
    await tick();
    await tick();
    expect(fake.calls.signIn).to.equal(1, 'waits for the sign-out');
    release();
    await again;
    expect(fake.calls.signIn).to.equal(2);
    expect(session.signedIn).to.equal(true);
  });

  it('fails with popup_closed when the popup was closed while the login code loaded', async () => {
    const { session, fake } = setup();
    const closed = { closed: true, close: () => undefined } as unknown as Window;
    const error = (await rejection(session.signIn(closed))) as ApiError;
    expect(error.code).to.equal('popup_closed');
    expect(fake.calls.signIn).to.equal(0);
    expect(session.signedIn).to.equal(false);
  });

  it('closes the popup and says "network" when the login code cannot be loaded, then loads it again', async () => {
    let attempts = 0;
    const session = new UserSession({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return fakeClient(Date.now).client;
      },
    });
    let closedIt = false;
    const popup = { closed: false, close: () => (closedIt = true) } as unknown as Window;
    const error = (await rejection(session.signIn(popup))) as ApiError;
    expect(error.code).to.equal('network');
    expect(closedIt).to.equal(true);
    await session.signIn({ closed: false, close: () => undefined } as unknown as Window);
    expect(session.signedIn).to.equal(true);
  });

  it('with the HTTP client: parallel 401s cause one refresh, and both requests succeed', async () => {
    const { session, popup, fake } = setup();
    await session.signIn(popup);
    const net = fakeFetch([
      (call) =>
        call.headers.get('Authorization') === 'Bearer t2'
          ? json(200, { data: { ok: call.url.pathname } })
          : json(401, { error: 'invalid_token' }),
    ]);
    const http = createHttpClient({
      baseUrl: 'https://portal.test/api/patient/v1',
      getToken: (o) => session.getToken(o),
      fetch: net.fetch,
    });
    const signal = new AbortController().signal;
    const get = (path: string) => http.request('GET', path, { signal, decode: (v) => v });
    const results = await Promise.all([get('/a'), get('/b'), get('/c')]);
    expect(results).to.have.length(3);
    expect(fake.calls.refresh).to.equal(1);
    expect(net.calls.filter((c) => c.headers.get('Authorization') === 'Bearer t1')).to.have.length(
      3,
    );
  });
});
