import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import type { FakePortal } from '../support/fake-portal.js';
import { FAKE_PORTAL_MODES, startFakePortal } from '../support/fake-portal.js';

const SECRET = 'S3cret-Zebra-4711';
const CLIENT_ID = 'widget-client';
const ORIGIN = 'https://clinic.example';
const GOOD = { Origin: ORIGIN, 'X-Patient-Booking': '1' };

/** Every response text and log line the suite saw; the secret must be in none of them. */
const seen: string[] = [];
let portal: FakePortal;
let server: StartedBackend;
let clock: number;
let logs: string[];

async function call(init: RequestInit & { path?: string } = {}): Promise<Response> {
  const { path = '/token', ...rest } = init;
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: GOOD, ...rest });
  const text = await response.clone().text();
  seen.push(text);
  response.headers.forEach((value, name) => seen.push(`${name}: ${value}`));
  return response;
}

async function json(response: Response): Promise<Record<string, unknown>> {
  assert.equal(response.headers.get('content-type'), 'application/json');
  return (await response.json()) as Record<string, unknown>;
}

async function assertEnvelope(response: Response, status: number, error: string): Promise<string> {
  assert.equal(response.status, status);
  const body = await json(response);
  assert.deepEqual(Object.keys(body).sort(), ['error', 'message']);
  assert.equal(body.error, error);
  assert.equal(typeof body.message, 'string');
  return body.message as string;
}

describe('token server over HTTP', () => {
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
    clock = Date.UTC(2025, 2, 15, 10, 0, 0);
    logs = [];
    server = await startBackend(
      {
        portalUrl: portal.url,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        allowedOrigins: [ORIGIN, 'http://localhost:5173'],
        upstreamTimeoutMs: 300,
      },
      { now: () => clock, log: (line) => logs.push(line) },
    );
  });
  afterEach(async () => {
    seen.push(...logs);
    await server.close();
  });

  it('POST /token returns exactly access_token, token_type and expires_in, uncacheable', async () => {
    const response = await call();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await json(response), {
      access_token: 'tok-1',
      token_type: 'Bearer',
      expires_in: 7200,
    });
  });

  it('asks the portal for client_credentials with scope basic and HTTP Basic client auth', async () => {
    await call();
    assert.equal(portal.requests.length, 1);
    const [request] = portal.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/oauth/token');
    assert.equal(request?.contentType, 'application/x-www-form-urlencoded');
    assert.equal(request?.body, 'grant_type=client_credentials&scope=basic');
    assert.equal(request?.authorization, `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}`);
  });

  it('serves the cached token without a second upstream request; expires_in counts down', async () => {
    assert.equal((await json(await call())).expires_in, 7200);
    clock += 1_500_000; // 25 minutes
    const second = await json(await call());
    assert.equal(second.access_token, 'tok-1');
    assert.equal(second.expires_in, 7200 - 1500);
    assert.equal(portal.requests.length, 1);
    assert.match(logs[0] ?? '', /^POST \/token 200 \d+ms cache=miss$/);
    assert.match(logs[1] ?? '', /^POST \/token 200 \d+ms cache=hit$/);
  });

  it('drops the cached token when the widget reports it refused (X-Refused-Token), and only that one', async () => {
    assert.equal((await json(await call())).access_token, 'tok-1');
    const stale = await call({ headers: { ...GOOD, 'X-Refused-Token': 'not-the-cached-token' } });
    assert.equal((await json(stale)).access_token, 'tok-1', 'another token cannot evict the cache');
    assert.equal(portal.requests.length, 1);
    clock += 1_000;
    const renewed = await call({ headers: { ...GOOD, 'X-Refused-Token': 'tok-1' } });
    assert.equal((await json(renewed)).access_token, 'tok-2');
    assert.equal(portal.requests.length, 2);
  });

  it('X-Refused-Token drops a token only once it is a second old: at most one upstream request a second', async () => {
    await call();
    for (let i = 0; i < 5; i += 1) {
      const again = await call({ headers: { ...GOOD, 'X-Refused-Token': 'tok-1' } });
      assert.equal((await json(again)).access_token, 'tok-1');
    }
    assert.equal(portal.requests.length, 1);
    clock += 1_000;
    assert.equal(
      (await json(await call({ headers: { ...GOOD, 'X-Refused-Token': 'tok-1' } }))).access_token,
      'tok-2',
    );
    assert.equal(
      (await json(await call({ headers: { ...GOOD, 'X-Refused-Token': 'tok-2' } }))).access_token,
      'tok-2',
      'the new token is too young to drop',
    );
    assert.equal(portal.requests.length, 2);
  });

  describe('portal failures become 502 envelopes', () => {
    const cases = [
      { mode: 'invalid_client', error: 'portal_rejected', text: /refused.*\(invalid_client\)/ },
      { mode: 'server_error', error: 'portal_unavailable', text: /HTTP 500/ },
      { mode: 'hang', error: 'portal_unavailable', text: /did not answer in time/ },
      { mode: 'not_json', error: 'portal_unavailable', text: /unreadable/ },
      { mode: 'malformed', error: 'portal_unavailable', text: /unreadable/ },
    ] as const;
    for (const { mode, error, text } of cases) {
      it(`${mode} → 502 ${error}`, async () => {
        portal.mode = mode;
        const message = await assertEnvelope(await call(), 502, error);
        assert.match(message, text);
        assert.ok(!message.includes(portal.errorDescription), 'no upstream body verbatim');
        assert.match(logs[0] ?? '', /^POST \/token 502 \d+ms portal=\w+$/);
      });
    }

    it('network failure → 502 portal_unavailable', async () => {
      await server.close();
      server = await startBackend(
        {
          portalUrl: 'http://127.0.0.1:1',
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          allowedOrigins: [ORIGIN],
        },
        { log: (line) => logs.push(line) },
      );
      const message = await assertEnvelope(await call(), 502, 'portal_unavailable');
      assert.match(message, /could not be reached/);
    });

    it('a failed upstream request is not cached: the next call asks again', async () => {
      portal.mode = 'server_error';
      await assertEnvelope(await call(), 502, 'portal_unavailable');
      portal.mode = 'ok';
      const response = await call();
      assert.equal(response.status, 200);
      assert.equal((await json(response)).access_token, 'tok-1');
      assert.equal(portal.requests.length, 2);
    });
  });

  describe('CORS and the custom header', () => {
    it('an allowed origin gets its own origin back and Vary: Origin', async () => {
      const response = await call({ headers: { ...GOOD, Origin: 'http://localhost:5173' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    });

    it('a disallowed origin → 403 without Access-Control-Allow-Origin, and no upstream request', async () => {
      for (const origin of [
        'https://evil.example',
        'null',
        'https://clinic.example.evil.example',
      ]) {
        const response = await call({ headers: { ...GOOD, Origin: origin } });
        await assertEnvelope(response, 403, 'origin_not_allowed');
        assert.equal(response.headers.get('access-control-allow-origin'), null);
        assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
      }
      assert.equal(portal.requests.length, 0);
    });

    it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
      const response = await call({
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, x-patient-booking',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
      assert.equal(
        response.headers.get('access-control-allow-headers'),
        'Content-Type, X-Patient-Booking, X-Refused-Token',
      );
      assert.equal(response.headers.get('access-control-max-age'), '600');
      assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
      assert.equal(await response.text(), '');
    });

    it('refuses a preflight from a disallowed origin', async () => {
      const response = await call({
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      await assertEnvelope(response, 403, 'origin_not_allowed');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });

    it('without X-Patient-Booking: 1 → 403 (a plain form post cannot mint tokens)', async () => {
      const variants: Record<string, string>[] = [
        { Origin: ORIGIN },
        { Origin: ORIGIN, 'X-Patient-Booking': 'yes' },
      ];
      for (const headers of variants) {
        const response = await call({
          headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'a=b',
        });
        await assertEnvelope(response, 403, 'header_required');
        assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
      }
      assert.equal(portal.requests.length, 0);
    });

    it('without Origin → 403 unless ALLOW_NO_ORIGIN (allowNoOrigin) is on', async () => {
      await assertEnvelope(
        await call({ headers: { 'X-Patient-Booking': '1' } }),
        403,
        'origin_required',
      );
      await server.close();
      server = await startBackend({
        portalUrl: portal.url,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        allowedOrigins: [ORIGIN],
        allowNoOrigin: true,
      });
      const response = await call({ headers: { 'X-Patient-Booking': '1' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });
  });

  it('the new routes leak the secret in no portal mode (/oauth/token, proxy)', async () => {
    await server.close();
    server = await startBackend(
      {
        portalUrl: portal.url,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        allowedOrigins: [ORIGIN],
        upstreamTimeoutMs: 300,
        redirectUris: ['https://clinic.example/cb.html'],
        proxy: { enabled: true },
      },
      { log: (line) => logs.push(line) },
    );
    const login = new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'c',
      redirect_uri: 'https://clinic.example/cb.html',
      code_verifier: 'v',
    });
    const form = { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' };
    for (const mode of FAKE_PORTAL_MODES) {
      portal.reset();
      portal.mode = mode;
      await call({ path: '/oauth/token', headers: form, body: login.toString() });
      await call({ path: '/api/patient/v1/insurances', method: 'GET' });
      await call({ path: '/api/patient/v1/booking', body: '{}' });
    }
    assert.ok(logs.length >= FAKE_PORTAL_MODES.length * 3);
  });

  describe('routing and limits', () => {
    it('other methods on /token → 405 with Allow', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const response = await call({ method });
        await assertEnvelope(response, 405, 'method_not_allowed');
        assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
      }
    });

    it('an unknown path → 404, and the query string is never logged', async () => {
      await assertEnvelope(await call({ path: '/nope?code=abc123' }), 404, 'not_found');
      await assertEnvelope(await call({ path: '/token/extra' }), 404, 'not_found');
      assert.match(logs[0] ?? '', /^POST \/nope 404 \d+ms$/);
      assert.ok(logs.every((line) => !line.includes('abc123')));
    });

    it('a body over 1 KB → 413, by Content-Length or when streamed, and the server carries on', async () => {
      const stream = (count: number, size: number) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < count; i += 1) controller.enqueue(new Uint8Array(size));
            controller.close();
          },
        });
      const bodies: RequestInit[] = [
        { body: 'x'.repeat(1025) },
        { body: 'x'.repeat(2_000_000) },
        { body: stream(4, 400), duplex: 'half' } as RequestInit,
        { body: stream(64, 16 * 1024), duplex: 'half' } as RequestInit,
      ];
      for (const init of bodies) {
        await assertEnvelope(await call(init), 413, 'payload_too_large');
      }
      assert.equal(portal.requests.length, 0);
      const small = await call({ body: JSON.stringify({ ignored: true }) });
      assert.equal(small.status, 200);
    });
  });
});
