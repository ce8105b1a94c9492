import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import type { LoginConfig } from '../../src/auth/login-config.js';
import { withBackendSession } from '../../src/auth/backend-session.js';
import type { PopupLogin } from '../../src/auth/login-client.js';
import { loginSettings } from '../../src/auth/login-settings.js';
import { fakeFetch, json, text, type Reply } from './http-fakes.js';

const login: LoginConfig = {
  issuer: 'https://portal.example',
  authorizationEndpoint: 'https://portal.example/oauth/authorize',
  clientId: 'clinic-client',
  redirectUris: ['https://clinic.example/pb/callback.html'],
};
const available = loginSettings(
  login,
  'https://clinic.example/pb/',
  'https://clinic.example',
  true,
);
if (!available.ok) throw new Error(available.why);
const settings = available.settings;
const NOW = Date.UTC(2026, 2, 1, 9);

function setup(replies: Reply[]) {
  const net = fakeFetch(replies);
  const popup = { signedOut: 0 };
  const popupLogin: PopupLogin = {
    signIn: () => Promise.resolve({ accessToken: 'a0', expiresAt: null }),
    signOut: async () => {
      popup.signedOut += 1;
    },
  };
  const client = withBackendSession(popupLogin, settings, { fetch: net.fetch, now: () => NOW });
  return { client, calls: net.calls, popup };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

describe('refresh and sign-out at the backend (the refresh token is its cookie)', () => {
  it('refreshes with a bare refresh_token grant and the same-origin cookie, never a token', async () => {
    const { client, calls } = setup([
      json(200, { access_token: 'a1', token_type: 'Bearer', expires_in: 300 }),
    ]);
    expect(await client.refresh()).to.deep.equal({
      accessToken: 'a1',
      expiresAt: NOW + 300_000,
    });
    expect(calls.length).to.equal(1);
    const [call] = calls;
    expect(call!.url.href).to.equal('https://clinic.example/pb/oauth/token');
    expect(call!.method).to.equal('POST');
    expect(call!.credentials).to.equal('same-origin');
    expect(call!.headers.get('Content-Type')).to.equal('application/x-www-form-urlencoded');
    expect(call!.headers.has('Authorization')).to.equal(false);
    expect(call!.body).to.equal('grant_type=refresh_token&client_id=clinic-client');
  });

  const refusals: Array<[string, Reply, string]> = [
    [
      'no cookie / refused (400 invalid_grant)',
      json(400, { error: 'invalid_grant' }),
      'unauthorized',
    ],
    ['origin refused (403)', json(403, { error: 'origin_not_allowed' }), 'unauthorized'],
    ['portal down (502)', json(502, { error: 'portal_unavailable' }), 'server'],
    ['rate limited (429)', json(429, { error: 'rate_limited' }), 'rate_limited'],
    ['a proxy page (503)', text(503, '<html>down</html>'), 'server'],
    ['200 without a token', json(200, { token_type: 'Bearer' }), 'server'],
    ['offline', new TypeError('Failed to fetch'), 'network'],
  ];
  for (const [what, reply, code] of refusals) {
    it(`${what} → ${code}`, async () => {
      const { client } = setup([reply]);
      expect((await failure(client.refresh())).code).to.equal(code);
    });
  }

  it('signs out: forgets the user, then asks the backend to drop the cookie and revoke', async () => {
    const { client, calls, popup } = setup([new Response(null, { status: 204 })]);
    await client.signOut();
    expect(popup.signedOut).to.equal(1);
    expect(calls.map((c) => `${c.method} ${c.url.pathname} ${c.credentials}`)).to.deep.equal([
      'POST /pb/oauth/logout same-origin',
    ]);
  });

  it('a sign-out the backend does not answer still ends the session', async () => {
    const { client, popup } = setup([new TypeError('Failed to fetch')]);
    await client.signOut();
    expect(popup.signedOut).to.equal(1);
  });
});
