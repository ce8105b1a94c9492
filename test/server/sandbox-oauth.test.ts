import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ALL_SCOPES,
  REDIRECT_URI,
  LoginPageError,
  api,
  asJson,
  authorize,
  control,
  exchangeCode,
  guestToken,
  patientTokens,
  startTestSandbox,
  type Sandbox,
} from './support/sandbox.js';

describe('sandbox OAuth 2.0 / OIDC', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startTestSandbox();
  });
  after(() => sb.close());

  const token = (body: Record<string, string>, headers: Record<string, string> = {}, query = '') =>
    fetch(`${sb.url}/oauth/token${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    }).then((r) => asJson(r));

  it('publishes discovery with the contract fields', async () => {
    const { status, body } = await asJson(
      await fetch(`${sb.url}/.well-known/openid-configuration`),
    );
    assert.equal(status, 200);
    assert.equal(body.issuer, sb.url);
    assert.equal(body.authorization_endpoint, `${sb.url}/oauth/authorize`);
    assert.equal(body.token_endpoint, `${sb.url}/oauth/token`);
    assert.equal(body.userinfo_endpoint, `${sb.url}/oauth/userinfo`);
    assert.match(String(body.jwks_uri), /\/oauth\/jwks$/);
    assert.deepEqual(body.code_challenge_methods_supported, ['S256']);
    for (const scope of [
      'openid',
      'offline_access',
      'basic',
      'profile_read',
      'appointment_read',
      'appointment_write',
    ]) {
      assert.ok((body.scopes_supported as string[]).includes(scope), scope);
    }
    const jwks = await asJson(await fetch(String(body.jwks_uri)));
    assert.equal((jwks.body.keys as unknown[]).length, 1);
  });

  it('answers on both localhost and 127.0.0.1', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const res = await fetch(`http://${host}:${sb.port}/.well-known/openid-configuration`);
      assert.equal(res.status, 200, host);
      await res.arrayBuffer();
    }
  });

  it('runs the code flow with PKCE without openid (plain OAuth, the guide scope)', async () => {
    const { redirect, verifier, pages } = await authorize(sb, { state: 'xyz' });
    assert.equal(redirect.searchParams.get('state'), 'xyz');
    assert.match(pages[0], /<label for="email">Email<\/label>/);
    assert.match(pages[0], /<label for="password">Password<\/label>/);
    assert.match(pages[0], />Sign in<\/button>/);
    assert.match(pages[1], />Allow<\/button>/);
    assert.match(pages[1], />Deny<\/button>/);
    assert.doesNotMatch(pages.join(''), /<script/);
    const res = await exchangeCode(sb, redirect.searchParams.get('code') ?? '', verifier);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.expires_in, 7200);
    assert.equal(typeof res.body.access_token, 'string');
    assert.equal(typeof res.body.refresh_token, 'string');
    assert.equal(typeof res.body.created_at, 'number');
    assert.ok(Math.abs(Number(res.body.created_at) - Date.now() / 1000) < 60);
    assert.deepEqual(String(res.body.scope).split(' ').sort(), ALL_SCOPES.split(' ').sort());
    assert.equal(res.body.id_token, undefined);
  });

  it('issues an id_token when openid is requested', async () => {
    const tokens = await patientTokens(sb, { scope: `openid ${ALL_SCOPES}` });
    assert.equal(typeof tokens.id_token, 'string');
    assert.ok(String(tokens.scope).split(' ').includes('openid'));
    const payload = JSON.parse(
      Buffer.from(String(tokens.id_token).split('.')[1], 'base64url').toString(),
    );
    assert.equal(payload.iss, sb.url);
    assert.equal(payload.sub, sb.patients.demo.id);
    const me = await api(sb, '/appointments/overview', { token: tokens.access_token });
    assert.equal(me.status, 200);
  });

  it('lets the confidential client run the code flow with its secret in the query string (guide style)', async () => {
    const { redirect } = await authorize(sb, { clientId: 'demo-client', pkce: false });
    const query = new URLSearchParams({
      client_id: 'demo-client',
      client_secret: 'demo-secret',
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
    });
    const res = await asJson(
      await fetch(`${sb.url}/oauth/token?${query}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
      }),
    );
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.refresh_token, 'string');
  });

  it('refuses a wrong PKCE verifier with invalid_grant', async () => {
    const { redirect } = await authorize(sb);
    const res = await exchangeCode(sb, redirect.searchParams.get('code') ?? '', 'x'.repeat(43));
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'invalid_grant');
    assert.equal(typeof res.body.error_description, 'string');
  });

  it('requires PKCE for the public client', async () => {
    const params = new URLSearchParams({
      client_id: 'demo-spa',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: ALL_SCOPES,
      state: 's1',
    });
    const res = await fetch(`${sb.url}/oauth/authorize?${params}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '');
    assert.equal(location.origin + location.pathname, REDIRECT_URI);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('refreshes, rotates, and refuses a used refresh token', async () => {
    const tokens = await patientTokens(sb);
    const first = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: 'demo-spa',
    });
    assert.equal(first.status, 200, first.text);
    assert.notEqual(first.body.access_token, tokens.access_token);
    assert.equal(typeof first.body.created_at, 'number');
    assert.equal(
      (await api(sb, '/appointments/overview', { token: String(first.body.access_token) })).status,
      200,
    );
    const reused = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: 'demo-spa',
    });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error, 'invalid_grant');
  });

  it('refreshes the confidential client with the secret in the query string', async () => {
    const tokens = await patientTokens(sb, { clientId: 'demo-client' });
    const query = new URLSearchParams({
      client_id: 'demo-client',
      client_secret: 'demo-secret',
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    const res = await asJson(
      await fetch(`${sb.url}/oauth/token?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }),
    );
    assert.equal(res.status, 200, res.text);
  });

  describe('client_credentials', () => {
    it('authenticates by query string with Content-Type: application/json and no body', async () => {
      const query = new URLSearchParams({
        client_id: 'demo-client',
        client_secret: 'demo-secret',
        grant_type: 'client_credentials',
        scope: 'basic',
      });
      const res = await asJson(
        await fetch(`${sb.url}/oauth/token?${query}`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
        }),
      );
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.scope, 'basic');
      assert.equal(res.body.token_type, 'Bearer');
      assert.equal(res.body.expires_in, 7200);
      assert.equal(typeof res.body.created_at, 'number');
      assert.equal(res.body.refresh_token, undefined);
    });

    it('authenticates by form body and by HTTP Basic, and takes a JSON body', async () => {
      const form = await token({
        grant_type: 'client_credentials',
        scope: 'basic',
        client_id: 'demo-client',
        client_secret: 'demo-secret',
      });
      assert.equal(form.status, 200, form.text);
      const basic = await token(
        { grant_type: 'client_credentials', scope: 'basic' },
        { authorization: `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}` },
      );
      assert.equal(basic.status, 200, basic.text);
      const json = await asJson(
        await fetch(`${sb.url}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'client_credentials',
            client_id: 'demo-client',
            client_secret: 'demo-secret',
          }),
        }),
      );
      assert.equal(json.status, 200, json.text);
      assert.equal(json.body.scope, 'basic');
    });

    it('narrows a request for more than basic to basic', async () => {
      const res = await token({
        grant_type: 'client_credentials',
        scope: 'basic appointment_write profile_read',
        client_id: 'demo-client',
        client_secret: 'demo-secret',
      });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.scope, 'basic');
    });

    it('refuses a wrong secret with 401 invalid_client', async () => {
      const query = new URLSearchParams({
        client_id: 'demo-client',
        client_secret: 'nope',
        grant_type: 'client_credentials',
        scope: 'basic',
      });
      const res = await asJson(
        await fetch(`${sb.url}/oauth/token?${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        }),
      );
      assert.equal(res.status, 401);
      assert.equal(res.body.error, 'invalid_client');
    });

    it('is not available to the public client', async () => {
      const res = await token({
        grant_type: 'client_credentials',
        scope: 'basic',
        client_id: 'demo-spa',
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'unauthorized_client');
    });
  });

  describe('interactions', () => {
    it('redirects a denial with error=access_denied, a description and the state', async () => {
      const { redirect } = await authorize(sb, { consent: 'deny', state: 'st-1' });
      assert.equal(redirect.searchParams.get('error'), 'access_denied');
      assert.ok(redirect.searchParams.get('error_description'));
      assert.equal(redirect.searchParams.get('state'), 'st-1');
      assert.equal(redirect.searchParams.get('code'), null);
    });

    it('shows an error on the login page for a wrong password', async () => {
      await assert.rejects(authorize(sb, { password: 'wrong' }), (err: unknown) => {
        assert.ok(err instanceof LoginPageError);
        const page = err.pages[err.pages.length - 1];
        assert.match(page, /role="alert"/);
        assert.match(page, /Invalid email or password/);
        assert.match(page, /value="patient@example.com"/);
        return true;
      });
    });

    it('serves the stylesheet the pages link to', async () => {
      const res = await fetch(`${sb.url}/sandbox-assets/portal.css`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/css/);
      await res.arrayBuffer();
    });
  });

  describe('userinfo', () => {
    it('returns the profile for a token with profile_read and no openid', async () => {
      const tokens = await patientTokens(sb);
      const res = await asJson(
        await fetch(`${sb.url}/oauth/userinfo`, {
          headers: { authorization: `Bearer ${tokens.access_token}` },
        }),
      );
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.sub, sb.patients.demo.id);
      assert.equal(res.body.given_name, 'Erika');
      assert.equal(res.body.family_name, 'Mustermann');
      assert.equal(res.body.name, 'Mustermann, Erika');
      assert.equal(res.body.email, 'patient@example.com');
      assert.deepEqual(Object.keys(res.body.address as object).sort(), [
        'country',
        'locality',
        'postal_code',
        'street_address',
      ]);
      assert.match(String(res.body.birthdate), /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(res.body.phone_number);
      assert.ok(res.body.gender);
      assert.ok(res.headers.get('ratelimit-limit'));
    });

    it('is 401 without a token, 403 for a guest token and for a token without profile_read', async () => {
      const none = await fetch(`${sb.url}/oauth/userinfo`);
      assert.equal(none.status, 401);
      assert.match(none.headers.get('www-authenticate') ?? '', /Bearer error="invalid_token"/);
      await none.arrayBuffer();
      const guest = await fetch(`${sb.url}/oauth/userinfo`, {
        headers: { authorization: `Bearer ${await guestToken(sb)}` },
      });
      assert.equal(guest.status, 403);
      assert.equal((await asJson(guest)).body.error, 'insufficient_scope');
      const narrow = await patientTokens(sb, { scope: 'basic appointment_read' });
      const res = await asJson(
        await fetch(`${sb.url}/oauth/userinfo`, {
          headers: { authorization: `Bearer ${narrow.access_token}` },
        }),
      );
      assert.equal(res.status, 403);
      assert.equal(res.body.error, 'insufficient_scope');
    });
  });

  it('revokes every token on POST /__sandbox/revoke', async () => {
    const tokens = await patientTokens(sb);
    const guest = await guestToken(sb);
    assert.equal((await control(sb, 'revoke')).status, 200);
    assert.equal((await api(sb, '/appointments', { token: tokens.access_token })).status, 401);
    assert.equal((await api(sb, '/insurances', { token: guest })).status, 401);
    const refresh = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: 'demo-spa',
    });
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant');
  });

  it('answers CORS preflights on the token and userinfo endpoints for localhost origins', async () => {
    for (const path of ['/oauth/token', '/oauth/userinfo']) {
      const res = await fetch(`${sb.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
      assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    }
    const res = await fetch(`${sb.url}/oauth/token`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo-client',
        client_secret: 'demo-secret',
      }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    await res.arrayBuffer();
  });
});
