import assert from 'node:assert/strict';
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
    upstreamTimeoutMs: 300,
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

async function assertOAuthError(response: Response, error: string): Promise<void> {
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = (await response.json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
  assert.equal(body.error, error);
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

  it('relays a code exchange with the secret added and returns the portal answer verbatim', async () => {
    const response = await exchange(CODE_FORM);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('pragma'), 'no-cache');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
    const text = await response.text();
    assert.equal(
      text,
      JSON.stringify({
        access_token: 'user-1',
        token_type: 'Bearer',
        expires_in: 7200,
        refresh_token: 'refresh-1',
        scope: 'openid basic appointment_read',
      }),
    );
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
      /^POST \/oauth\/token 200 \d+ms grant=authorization_code upstream=200$/,
    );
  });

  it('relays a refresh (with scope), and drops anything else the browser sent', async () => {
    const form = { grant_type: 'refresh_token', refresh_token: 'refresh-9', scope: 'basic' };
    const response = await exchange({ ...form, client_secret: 'guess', extra: 'x' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Record<string, unknown>).refresh_token, 'refresh-1');
    assert.equal(portal.requests[0]?.body, new URLSearchParams(form).toString());
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
    await exchange(CODE_FORM);
    await exchange({ grant_type: 'refresh_token', refresh_token: 'refresh-secret-77' });
    for (const word of [
      'code-abc123',
      'verifier-xyz789',
      'refresh-secret-77',
      'user-1',
      'refresh-1',
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
      await assertOAuthError(await exchange({ grant_type: 'refresh_token' }), 'invalid_request');
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

  describe('portal trouble → 502 envelope', () => {
    for (const mode of ['hang', 'not_json'] as const) {
      it(`${mode} → 502 portal_unavailable`, async () => {
        portal.mode = mode;
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
