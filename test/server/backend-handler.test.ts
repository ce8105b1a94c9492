import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BackendConfig } from '../../server/backend/config.js';
import { createBackend } from '../../server/backend/handler.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';

const SECRET = 'S3cret-Zebra-4711';
const ORIGIN = 'https://clinic.example';

let portal: FakePortal;
let clock: number;
let logs: string[];

function server(overrides: Partial<BackendConfig> = {}, fetchImpl?: typeof fetch) {
  const config: BackendConfig = {
    portalUrl: portal.url,
    clientId: 'widget-client',
    clientSecret: SECRET,
    allowedOrigins: [ORIGIN],
    ...overrides,
  };
  return createBackend(config, {
    now: () => clock,
    log: (line) => logs.push(line),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

function tokenRequest(): Request {
  return new Request('http://token.test/token', {
    method: 'POST',
    headers: { Origin: ORIGIN, 'X-Patient-Booking': '1' },
  });
}

async function body(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  assert.ok(!text.includes(SECRET));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('createBackend().handle()', () => {
  before(async () => {
    portal = await startFakePortal();
  });
  after(() => portal.close());
  beforeEach(() => {
    portal.reset();
    clock = Date.UTC(2025, 2, 15, 10, 0, 0);
    logs = [];
  });

  it('1,000 concurrent callers share exactly one upstream request', async () => {
    portal.delayMs = 50;
    const { handle } = server();
    const responses = await Promise.all(Array.from({ length: 1000 }, () => handle(tokenRequest())));
    assert.equal(portal.requests.length, 1);
    const bodies = await Promise.all(responses.map(body));
    assert.ok(responses.every((r) => r.status === 200));
    assert.ok(bodies.every((b) => b.access_token === 'tok-1' && b.expires_in === 7200));
    assert.equal(logs.length, 1000);
    assert.equal(logs.filter((line) => line.endsWith('cache=miss')).length, 1);
    assert.equal(logs.filter((line) => line.endsWith('cache=shared')).length, 999);
    assert.ok(logs.every((line) => !line.includes(SECRET) && !line.includes('tok-1')));
  });

  it('1,000 concurrent callers during a failing request all get 502; the next call retries', async () => {
    portal.delayMs = 30;
    portal.mode = 'invalid_client';
    const { handle } = server();
    const responses = await Promise.all(Array.from({ length: 1000 }, () => handle(tokenRequest())));
    assert.equal(portal.requests.length, 1);
    assert.ok(responses.every((r) => r.status === 502));
    assert.deepEqual(await body(responses[0] as Response), {
      error: 'portal_rejected',
      message: 'The patient portal refused the token request (invalid_client).',
    });
    portal.mode = 'ok';
    assert.equal((await handle(tokenRequest())).status, 200);
    assert.equal(portal.requests.length, 2);
  });

  it('refreshes 60 s before expiry of a long-lived token', async () => {
    const { handle } = server();
    await handle(tokenRequest());
    clock += (7200 - 61) * 1000;
    const stillCached = await body(await handle(tokenRequest()));
    assert.deepEqual(stillCached, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 61 });
    assert.equal(portal.requests.length, 1);
    clock += 1000; // 60 s left: time for a new one
    const refreshed = await body(await handle(tokenRequest()));
    assert.deepEqual(refreshed, { access_token: 'tok-2', token_type: 'Bearer', expires_in: 7200 });
    assert.equal(portal.requests.length, 2);
  });

  it('refreshes at 10 % of the lifetime before expiry when that is under 60 s', async () => {
    portal.expiresIn = 300; // margin 30 s
    const { handle } = server();
    await handle(tokenRequest());
    clock += 269_000;
    assert.equal((await body(await handle(tokenRequest()))).expires_in, 31);
    clock += 1000;
    assert.equal((await body(await handle(tokenRequest()))).access_token, 'tok-2');
    assert.equal(portal.requests.length, 2);
  });

  it('never echoes an unknown upstream error code or description', async () => {
    const fakeFetch: typeof fetch = () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: SECRET, error_description: SECRET }), {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    const response = await server({}, fakeFetch).handle(tokenRequest());
    assert.equal(response.status, 502);
    assert.deepEqual(await body(response), {
      error: 'portal_rejected',
      message: 'The patient portal refused the token request.',
    });
  });

  it('uses PORTAL_TOKEN_URL (tokenUrl) when given', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await server({ portalUrl: 'http://unused.invalid', tokenUrl: portal.tokenUrl }, spy).handle(
      tokenRequest(),
    );
    assert.deepEqual(seen, [portal.tokenUrl]);
    assert.equal(portal.requests.length, 1);
  });

  it('treats a fetch that throws synchronously as an unreachable portal', async () => {
    const broken: typeof fetch = () => {
      throw new TypeError('synchronous failure');
    };
    const response = await server({}, broken).handle(tokenRequest());
    assert.equal(response.status, 502);
    assert.equal((await body(response)).error, 'portal_unavailable');
  });
});
