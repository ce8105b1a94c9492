import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { BackendConfig } from '../../server/backend/config.js';
import { createBackend } from '../../server/backend/handler.js';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';

const SECRET = 'S3cret-Zebra-4711';
const CLIENT_ID = 'widget-client';
const ORIGIN = 'https://clinic.example';
const REDIRECT = 'https://clinic.example/pb/callback.html';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
/** One session key for the file's backends, as for instances behind one name. */
const SESSION_KEY = randomBytes(32).toString('base64');
/** What oidc-client-ts sends for the code exchange (it adds no custom header). */
const CODE_FORM = {
  grant_type: 'authorization_code',
  code: 'code-abc123',
  redirect_uri: REDIRECT,
  code_verifier: 'verifier-xyz789',
  client_id: CLIENT_ID,
};

/** Every response text and log line the suite saw; the secret must be in none of them. */
const seen: string[] = [];
let portal: FakePortal;
let server: StartedBackend;
let logs: string[];

function config(overrides: Partial<BackendConfig> = {}): BackendConfig {
  return {
    portalUrl: portal.url,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    allowedOrigins: [ORIGIN],
    redirectUris: [REDIRECT, 'http://localhost:5173/callback.html'],
    // Long enough for the fake portal on a loaded machine (300 ms was not: a 502 in CI), short
    // enough for the test of a portal that hangs.
    upstreamTimeoutMs: 3000,
    sessionKey: SESSION_KEY,
    ...overrides,
  };
}

async function exchange(
  form: Record<string, string> | string,
  init: RequestInit = {},
): Promise<Response> {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { Origin: ORIGIN, ...FORM },
    body,
    ...init,
  });
  seen.push(await response.clone().text());
  response.headers.forEach((value, name) => seen.push(`${name}: ${value}`));
  return response;
}

/** The session cookie's `name=value` from a response's `Set-Cookie`. */
function sessionCookie(response: Response): string {
  const [cookie] = response.headers.getSetCookie();
  assert.ok(cookie, 'a Set-Cookie');
  return cookie.split(';')[0]!;
}

function withCookie(cookie: string, origin: string | null = ORIGIN): RequestInit {
  const headers: Record<string, string> = { ...FORM, Cookie: cookie };
  if (origin !== null) headers.Origin = origin;
  return { headers };
}

/** A session cookie: HttpOnly, Secure, SameSite=Strict, no Path (the exchange's directory). */
function assertSessionCookie(response: Response): void {
  const all = response.headers.getSetCookie();
  assert.equal(all.length, 1);
  const [pair, ...attributes] = all[0]!.split(';').map((part) => part.trim());
  assert.match(pair!, /^__Secure-pb-refresh=[\w-]{40,}$/);
  assert.deepEqual(attributes.sort(), ['HttpOnly', 'SameSite=Strict', 'Secure']);
  assert.ok(!all[0]!.includes('refresh-'), 'the refresh token is sealed, not readable');
}

async function assertOAuthError(response: Response, error: string): Promise<void> {
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = (await response.json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
  assert.equal(body.error, error);
}

/**
 * The portal hangs from now on; the backend is started anew with a short upstream timeout, as a
 * hang never answers (the shared one's 3 s are for a portal that answers on a loaded machine).
 */
async function hangingPortal(): Promise<void> {
  portal.mode = 'hang';
  await server.close();
  server = await startBackend(config({ upstreamTimeoutMs: 200 }), {
    log: (line) => logs.push(line),
  });
}

describe('POST /oauth/token (confidential-client login mediation)', () => {
  before(async () => {
    portal = await startFakePortal();
  });
  after(async () => {
    await portal.close();
    const leaks = seen.filter(
      (text) => text.includes(SECRET) || text.includes(btoa(`${CLIENT_ID}:${SECRET}`)),
    );
    assert.deepEqual(leaks, [], 'the client secret must appear in no response and no log line');
  });
  beforeEach(async () => {
    portal.reset();
    logs = [];
    server = await startBackend(config(), { log: (line) => logs.push(line) });
  });
  afterEach(async () => {
    seen.push(...logs);
    await server.close();
  });

  it('relays a code exchange with the secret added; the refresh token goes into a cookie only', async () => {
    const response = await exchange(CODE_FORM);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('pragma'), 'no-cache');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), {
      access_token: 'user-1',
      token_type: 'Bearer',
      expires_in: 7200,
      scope: 'openid basic appointment_read',
    });
    assert.ok(!text.includes('refresh'), 'no refresh token in the body');
    assertSessionCookie(response);
    const [sent] = portal.requests;
    assert.equal(portal.requests.length, 1);
    assert.equal(sent?.path, '/oauth/token');
    assert.equal(sent?.authorization, `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}`);
    assert.equal(sent?.contentType, 'application/x-www-form-urlencoded');
    assert.equal(
      sent?.body,
      new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'code-abc123',
        redirect_uri: REDIRECT,
        code_verifier: 'verifier-xyz789',
      }).toString(),
    );
    assert.match(
      logs[0] ?? '',
      /^POST \/oauth\/token 200 \d+ms grant=authorization_code upstream=200 session=new$/,
    );
  });

  it('refreshes with the cookie (with scope), drops anything else the browser sent, and rotates the cookie', async () => {
    const cookie = sessionCookie(await exchange(CODE_FORM));
    const form = { grant_type: 'refresh_token', scope: 'basic' };
    const fields = {
      ...form,
      refresh_token: 'stolen-elsewhere',
      client_secret: 'guess',
      extra: 'x',
    };
    const response = await exchange(fields, withCookie(cookie));
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.access_token, 'user-2');
    assert.equal(body.refresh_token, undefined);
    const sent = new URLSearchParams({ grant_type: 'refresh_token', scope: 'basic' });
    sent.set('refresh_token', 'refresh-1');
    assert.equal(portal.requests[1]?.body, sent.toString(), 'the cookie’s token, not the body’s');
    const rotated = sessionCookie(response);
    assert.notEqual(rotated, cookie);
    assert.match(logs[1] ?? '', /grant=refresh_token upstream=200 session=rotated$/);
    await exchange({ grant_type: 'refresh_token' }, withCookie(rotated));
    assert.match(portal.requests[2]?.body ?? '', /refresh_token=refresh-2$/);
  });

  it("passes the portal's own errors through with their status and body", async () => {
    portal.mode = 'invalid_grant';
    const response = await exchange(CODE_FORM);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), {
      error: 'invalid_grant',
      error_description: portal.errorDescription,
    });
    assert.match(logs[0] ?? '', /grant=authorization_code upstream=400$/);
  });

  it('never logs codes, verifiers, refresh tokens or issued tokens', async () => {
    const cookie = sessionCookie(await exchange(CODE_FORM));
    await exchange({ grant_type: 'refresh_token', refresh_token: 'refresh-secret-77' });
    await exchange({ grant_type: 'refresh_token' }, withCookie(cookie));
    for (const word of [
      'code-abc123',
      'verifier-xyz789',
      'refresh-secret-77',
      'user-1',
      'refresh-1',
      'refresh-2',
      cookie,
    ]) {
      assert.ok(
        logs.every((line) => !line.includes(word)),
        word,
      );
    }
  });

  it('answers the preflight of an allowed origin for Content-Type only', async () => {
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(response.headers.get('access-control-allow-headers'), 'Content-Type');
  });

  describe('refusals (none reaches the portal)', () => {
    afterEach(() => assert.equal(portal.requests.length, 0));

    it('a grant other than authorization_code / refresh_token → 400 unsupported_grant_type', async () => {
      for (const grant_type of ['client_credentials', 'password', 'urn:x:token-exchange']) {
        await assertOAuthError(
          await exchange({ ...CODE_FORM, grant_type }),
          'unsupported_grant_type',
        );
      }
      assert.ok(logs.every((line) => line.endsWith('grant=other')));
      const noGrant: Record<string, string> = { ...CODE_FORM };
      delete noGrant.grant_type;
      await assertOAuthError(await exchange(noGrant), 'invalid_request');
    });

    it('a redirect_uri not configured → 400 invalid_request (also on refresh)', async () => {
      for (const redirect_uri of [
        'https://evil.example/cb',
        `${REDIRECT}?x=1`,
        REDIRECT.toUpperCase(),
        '',
      ]) {
        await assertOAuthError(await exchange({ ...CODE_FORM, redirect_uri }), 'invalid_request');
      }
      const refresh = {
        grant_type: 'refresh_token',
        refresh_token: 'r',
        redirect_uri: 'https://evil.example/cb',
      };
      await assertOAuthError(await exchange(refresh), 'invalid_request');
    });

    it('another client_id → 400 invalid_client', async () => {
      await assertOAuthError(
        await exchange({ ...CODE_FORM, client_id: 'other' }),
        'invalid_client',
      );
    });

    it('missing code, code_verifier or refresh_token, a repeated parameter, or JSON → 400 invalid_request', async () => {
      for (const name of ['code', 'code_verifier'] as const) {
        await assertOAuthError(await exchange({ ...CODE_FORM, [name]: '' }), 'invalid_request');
      }
      const repeated = `${new URLSearchParams(CODE_FORM).toString()}&code=second`;
      await assertOAuthError(await exchange(repeated), 'invalid_request');
      const json = { headers: { Origin: ORIGIN, 'Content-Type': 'application/json' } };
      await assertOAuthError(await exchange(JSON.stringify(CODE_FORM), json), 'invalid_request');
    });

    it('a disallowed or missing Origin → 403 (a cross-site form post cannot use a stolen code)', async () => {
      const evil = await exchange(CODE_FORM, {
        headers: { Origin: 'https://evil.example', ...FORM },
      });
      assert.equal(evil.status, 403);
      assert.equal(((await evil.json()) as Record<string, unknown>).error, 'origin_not_allowed');
      // That page may read its refusal (so a misconfigured widget can name it), nothing more.
      assert.equal(evil.headers.get('access-control-allow-origin'), 'https://evil.example');
      const none = await exchange(CODE_FORM, { headers: FORM });
      assert.equal(none.status, 403);
      assert.equal(((await none.json()) as Record<string, unknown>).error, 'origin_required');
    });

    it('a body over 4 KB → 413; GET → 405', async () => {
      const big = await exchange({ ...CODE_FORM, code: 'x'.repeat(4096) });
      assert.equal(big.status, 413);
      assert.equal(((await big.json()) as Record<string, unknown>).error, 'payload_too_large');
      const get = await fetch(`${server.url}/oauth/token`, { headers: { Origin: ORIGIN } });
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
    });
  });

  describe('the session cookie (the refresh token never reaches the page)', () => {
    const KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
    const OTHER_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));

    async function post(
      backend: ReturnType<typeof createBackend>,
      path: string,
      form: Record<string, string>,
      headers: Record<string, string> = {},
    ): Promise<Response> {
      const response = await backend.handle(
        new Request(`http://token.test${path}`, {
          method: 'POST',
          headers: { Origin: ORIGIN, ...FORM, ...headers },
          body: new URLSearchParams(form),
        }),
      );
      seen.push(await response.clone().text());
      return response;
    }

    it('a refresh without the cookie issues nothing, whatever the Origin (the attack: a stolen refresh token)', async () => {
      const stolen = {
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1',
        client_id: CLIENT_ID,
      };
      await assertOAuthError(await exchange(stolen), 'invalid_grant');
      const foreign = await exchange(stolen, {
        headers: { ...FORM, Origin: 'https://evil.example' },
      });
      assert.equal(foreign.status, 403);
      const none = await exchange(stolen, { headers: FORM });
      assert.equal(none.status, 403);
      const junk = await exchange(stolen, withCookie('__Secure-pb-refresh=refresh-1; other=x'));
      await assertOAuthError(junk, 'invalid_grant');
      assert.match(junk.headers.get('set-cookie') ?? '', /^__Secure-pb-refresh=; Max-Age=0;/);
      await server.close();
      server = await startBackend(config({ allowNoOrigin: true }));
      await assertOAuthError(await exchange(stolen, { headers: FORM }), 'invalid_grant');
      assert.equal(portal.requests.length, 0, 'the portal was asked nothing');
    });

    it('a cookie sealed under another key, altered, or older than 12 hours is refused and removed', async () => {
      let clock = Date.UTC(2026, 0, 5, 8);
      const now = () => clock;
      const backend = createBackend(config({ sessionKey: KEY }), { now });
      const cookie = sessionCookie(await post(backend, '/oauth/token', CODE_FORM));
      const other = createBackend(config({ sessionKey: OTHER_KEY }), { now });
      const value = cookie.split('=')[1]!;
      const altered = `__Secure-pb-refresh=${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`;
      const refresh = { grant_type: 'refresh_token' };
      for (const [backendUsed, sent] of [
        [other, cookie],
        [backend, altered],
      ] as const) {
        const refused = await post(backendUsed, '/oauth/token', refresh, { Cookie: sent });
        await assertOAuthError(refused, 'invalid_grant');
        assert.match(refused.headers.get('set-cookie') ?? '', /Max-Age=0/);
      }
      // The same key on another instance opens it; each refresh keeps the time of the sign-in.
      const twin = createBackend(config({ sessionKey: KEY }), { now });
      clock += 11 * 3600_000;
      const later = await post(twin, '/oauth/token', refresh, { Cookie: cookie });
      assert.equal(later.status, 200);
      clock += 3600_000;
      const tooOld = await post(twin, '/oauth/token', refresh, { Cookie: sessionCookie(later) });
      await assertOAuthError(tooOld, 'invalid_grant');
      assert.equal(portal.requests.length, 2, 'the code exchange and one refresh');
    });

    it('a refresh the portal refuses removes the cookie; a passing failure keeps it', async () => {
      const cookie = sessionCookie(await exchange(CODE_FORM));
      portal.mode = 'server_error';
      const failed = await exchange({ grant_type: 'refresh_token' }, withCookie(cookie));
      assert.equal(failed.status, 500);
      assert.equal(failed.headers.get('set-cookie'), null);
      portal.mode = 'invalid_grant';
      const refused = await exchange({ grant_type: 'refresh_token' }, withCookie(cookie));
      await assertOAuthError(refused, 'invalid_grant');
      assert.match(refused.headers.get('set-cookie') ?? '', /^__Secure-pb-refresh=; Max-Age=0;/);
    });

    it('a new sign-in without a refresh token removes an earlier session’s cookie', async () => {
      const cookie = sessionCookie(await exchange(CODE_FORM));
      portal.mode = 'malformed'; // 200 without tokens
      const response = await exchange(CODE_FORM, withCookie(cookie));
      assert.match(response.headers.get('set-cookie') ?? '', /Max-Age=0/);
    });

    it('sign-out removes the cookie and revokes its refresh token at the portal', async () => {
      const cookie = sessionCookie(await exchange(CODE_FORM));
      const out = await fetch(`${server.url}/oauth/logout`, {
        method: 'POST',
        headers: { Origin: ORIGIN, Cookie: cookie },
      });
      assert.equal(out.status, 204);
      assert.equal(out.headers.get('cache-control'), 'no-store');
      assert.equal(
        out.headers.get('set-cookie'),
        '__Secure-pb-refresh=; Max-Age=0; HttpOnly; Secure; SameSite=Strict',
      );
      const revoke = portal.requests[1];
      assert.equal(revoke?.path, '/oauth/revoke');
      assert.equal(revoke?.authorization, `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}`);
      assert.equal(revoke?.body, 'token=refresh-1&token_type_hint=refresh_token');
      assert.match(logs[1] ?? '', /^POST \/oauth\/logout 204 \d+ms revoke=ok$/);

      // Without a cookie, or with the portal away: still 204 and the cookie removed.
      await hangingPortal();
      const again = await fetch(`${server.url}/oauth/logout`, {
        method: 'POST',
        headers: { Origin: ORIGIN, Cookie: cookie },
      });
      assert.equal(again.status, 204);
      assert.match(logs[2] ?? '', /revoke=timeout$/);
      const none = await fetch(`${server.url}/oauth/logout`, {
        method: 'POST',
        headers: { Origin: ORIGIN },
      });
      assert.equal(none.status, 204);
      assert.match(none.headers.get('set-cookie') ?? '', /Max-Age=0/);
      assert.match(logs[3] ?? '', /revoke=none$/);
      const foreign = await fetch(`${server.url}/oauth/logout`, {
        method: 'POST',
        headers: { Origin: 'https://evil.example', Cookie: cookie },
      });
      assert.equal(foreign.status, 403);
      assert.equal(portal.requests.length, 3);
    });
  });

  describe('portal trouble → 502 envelope', () => {
    for (const mode of ['hang', 'not_json'] as const) {
      it(`${mode} → 502 portal_unavailable`, async () => {
        if (mode === 'hang') await hangingPortal();
        else portal.mode = mode;
        const response = await exchange(CODE_FORM);
        assert.equal(response.status, 502);
        const body = (await response.json()) as Record<string, unknown>;
        assert.equal(body.error, 'portal_unavailable');
        assert.ok(!String(body.message).includes(portal.errorDescription));
      });
    }

    it('an unreachable portal → 502 portal_unavailable', async () => {
      await server.close();
      server = await startBackend(config({ portalUrl: 'http://127.0.0.1:1' }));
      const response = await exchange(CODE_FORM);
      assert.equal(response.status, 502);
      assert.match(String(((await response.json()) as Record<string, unknown>).message), /reached/);
    });

    it('a portal answer that echoes the client secret never reaches the browser', async () => {
      const echo: typeof fetch = () =>
        Promise.resolve(
          new Response(JSON.stringify({ error: 'invalid_client', error_description: SECRET }), {
            status: 401,
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      const direct = createBackend(config(), { fetch: echo });
      const response = await direct.handle(
        new Request('http://token.test/oauth/token', {
          method: 'POST',
          headers: { Origin: ORIGIN, ...FORM },
          body: new URLSearchParams(CODE_FORM),
        }),
      );
      const text = await response.text();
      seen.push(text);
      assert.equal(response.status, 502);
      assert.ok(!text.includes(SECRET));
    });
  });

  it('is off (404) when no redirect URIs are configured', async () => {
    await server.close();
    server = await startBackend(config({ redirectUris: [] }));
    const response = await exchange(CODE_FORM);
    assert.equal(response.status, 404);
    assert.equal(portal.requests.length, 0);
  });
});
