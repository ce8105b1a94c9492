import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { BackendConfig } from '../../server/backend/config.js';
import { createBackend } from '../../server/backend/handler.js';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import { proofFrom } from '../support/proof.js';

const SECRET = 'S3cret-Zebra-4711';
const CLIENT_ID = 'widget-client';
const ORIGIN = 'https://clinic.example';
const API = '/api/patient/v1';
/** What a guest's widget sends from an allowed page on another origin: no token at all. */
const WIDGET = { Origin: ORIGIN };
/** A signed-in patient's call: the patient's own bearer token. */
const PATIENT = { ...WIDGET, Authorization: 'Bearer patient-token-123' };

const seen: string[] = [];
let portal: FakePortal;
let server: StartedBackend;
let clock: number;
let logs: string[];

function config(overrides: Partial<BackendConfig> = {}): BackendConfig {
  return {
    portalUrl: portal.url,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    allowedOrigins: [ORIGIN],
    upstreamTimeoutMs: 300,
    proof: { maxNumber: 1000 }, // quick to solve here; the guard has tests of its own
    ...overrides,
  };
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${server.url}${API}${path}`, { headers: WIDGET, ...init });
  seen.push(await response.clone().text());
  response.headers.forEach((value, name) => seen.push(`${name}: ${value}`));
  return response;
}

async function data(response: Response): Promise<Record<string, unknown>> {
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

async function errorCode(response: Response): Promise<unknown> {
  return ((await response.json()) as Record<string, unknown>).error;
}

function booking(body: unknown, headers: Record<string, string> = {}): RequestInit {
  const all = { ...WIDGET, 'Content-Type': 'application/json', ...headers };
  return { method: 'POST', headers: all, body: JSON.stringify(body) };
}

/** A guest's booking with a solved challenge (`X-Booking-Proof`), as the widget sends it. */
async function guestBooking(body: unknown, headers: Record<string, string> = {}) {
  return booking(body, { 'X-Booking-Proof': await proofFrom(server.url, WIDGET), ...headers });
}

describe('the API (/api/patient/v1)', () => {
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
    server = await startBackend(config(), { now: () => clock, log: (l) => logs.push(l) });
  });
  afterEach(async () => {
    seen.push(...logs);
    await server.close();
  });

  it("forwards a catalogue GET with the backend's own token and the query in canonical form", async () => {
    const response = await call('/insurances?page=2&per_page=100');
    assert.equal(response.status, 200);
    assert.deepEqual(await data(response), { path: `${API}/insurances?page=2&per_page=100`, n: 1 });
    const [sent] = portal.apiRequests();
    assert.equal(sent?.authorization, 'Bearer tok-1');
    assert.equal(sent?.method, 'GET');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300, s-maxage=300');
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(response.headers.get('vary') ?? '', /\bOrigin\b/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.equal(response.headers.get('ratelimit-remaining'), '599');
    assert.match(logs[0] ?? '', /^GET \/api\/patient\/v1\/insurances 200 \d+ms cache=miss$/);
  });

  it('serves the second identical GET from cache; max-age counts down; another query is another entry', async () => {
    await call('/appointment_types?insurance_id=136');
    clock += 100_000;
    const second = await call('/appointment_types?insurance_id=136');
    assert.equal((await data(second)).n, 1);
    assert.equal(second.headers.get('cache-control'), 'public, max-age=200, s-maxage=200');
    assert.equal(portal.apiRequests().length, 1);
    assert.match(logs[1] ?? '', /cache=hit$/);
    await call('/appointment_types?insurance_id=137');
    assert.equal(portal.apiRequests().length, 2);
    assert.deepEqual(server.stats().upstream, { token: 1, login: 0, api: 2 });
  });

  it('asks again once the TTL has passed (injected clock)', async () => {
    await call('/institutions/7');
    clock += 299_999;
    assert.equal((await data(await call('/institutions/7'))).n, 1);
    clock += 1;
    assert.equal((await data(await call('/institutions/7'))).n, 2);
  });

  it('caches availabilities for seconds only (AVAILABILITY_TTL, at most 30)', async () => {
    const path = '/appointment_types/198/availabilities?from=2025-03-16&to=2025-03-20';
    const first = await call(path);
    // Kept here for 5 s, forgotten at a booking; browsers and shared caches keep nothing.
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    clock += 5000;
    assert.equal((await data(await call(path))).n, 2);
    await server.close();
    const capped = config({ cache: { availabilityTtlSeconds: 3600 } });
    server = await startBackend(capped, { now: () => clock });
    await call(path);
    clock += 29_000;
    assert.equal((await data(await call(path))).n, 3, 'kept at most 30 s');
  });

  it('POST /booking is forwarded with its body and Idempotency-Key, and never cached', async () => {
    const body = { availability_id: 'a+b/c=', patient_data: { first_name: 'Max' } };
    // The same booking sent again (a lost answer) may carry its proof again: same key, same proof.
    const proof = await proofFrom(server.url, WIDGET);
    const headers = { 'Idempotency-Key': 'key-1', 'X-Booking-Proof': proof };
    const first = await call('/booking', booking(body, headers));
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const second = await call('/booking', booking(body, headers));
    assert.equal((await data(second)).n, 2);
    const [sent] = portal.apiRequests();
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.authorization, 'Bearer tok-1');
    assert.equal(sent?.contentType, 'application/json');
    assert.equal(sent?.headers['idempotency-key'], 'key-1');
    assert.deepEqual(JSON.parse(sent?.body ?? ''), body);
  });

  it('passes upstream errors through, uncached, with no-store', async () => {
    const envelope = { message: 'Unknown appointment type', error: 'not_found' };
    portal.apiReply = () => ({ status: 404, body: envelope });
    for (let i = 0; i < 2; i += 1) {
      const response = await call('/appointment_types/999');
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await response.json(), envelope);
    }
    assert.equal(portal.apiRequests().length, 2);
  });

  it('passes a 429 through with Retry-After and the RateLimit headers', async () => {
    const headers = { 'Retry-After': '17', 'RateLimit-Limit': '600', 'RateLimit-Reset': '17' };
    const envelope = { message: 'Too many requests', error: 'rate_limited' };
    portal.apiReply = () => ({
      status: 429,
      headers: { ...headers, 'Set-Cookie': 'x=y' },
      body: envelope,
    });
    const response = await call('/locations');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '17');
    assert.equal(response.headers.get('ratelimit-limit'), '600');
    assert.equal(response.headers.get('ratelimit-reset'), '17');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), envelope);
  });

  it('on an upstream 401 gets a new token once and retries (GET and POST)', async () => {
    portal.rejectedTokens.add('tok-1');
    const response = await call('/insurances');
    assert.equal(response.status, 200);
    assert.deepEqual(
      portal.requests.map(
        (r) => `${r.method} ${r.path.split('?')[0]} ${r.authorization?.slice(0, 12)}`,
      ),
      [
        `POST /oauth/token Basic ${btoa(CLIENT_ID).slice(0, 6)}`,
        `GET ${API}/insurances Bearer tok-1`,
        `POST /oauth/token Basic ${btoa(CLIENT_ID).slice(0, 6)}`,
        `GET ${API}/insurances Bearer tok-2`,
      ],
    );
    assert.match(logs[0] ?? '', /retry=401/);
    portal.rejectedTokens.add('tok-2');
    const booked = await call('/booking', await guestBooking({ availability_id: 'x' }));
    assert.equal(booked.status, 201);
    assert.equal(portal.tokenRequests().length, 3);
  });

  it('a 401 that persists after the one retry is a 502 the widget may retry, no loop', async () => {
    portal.apiReply = () => ({ status: 401, body: { error: 'invalid_token' } });
    const response = await call('/insurances');
    assert.equal(response.status, 502);
    assert.equal(await errorCode(response), 'portal_unavailable');
    assert.equal(portal.apiRequests().length, 2);
    assert.equal(portal.tokenRequests().length, 2);
  });

  it('portal trouble → 502 envelope with no-store (timeout, token refused)', async () => {
    portal.apiReply = () => 'hang';
    const hung = await call('/insurances');
    assert.equal(hung.status, 502);
    assert.equal(hung.headers.get('cache-control'), 'no-store');
    assert.equal(await errorCode(hung), 'portal_unavailable');
    await server.close();
    server = await startBackend(config()); // nothing cached
    portal.reset();
    portal.mode = 'invalid_client';
    const refused = await call('/locations');
    assert.equal(refused.status, 502);
    assert.equal(await errorCode(refused), 'portal_rejected');
    assert.equal(portal.apiRequests().length, 0);
  });

  describe('refusals', () => {
    it('paths not on the allow-list → 404, without an upstream request', async () => {
      for (const path of [
        '',
        '/',
        '/insurances/1',
        '/booking/1',
        '/institutions/1/x',
        '/institutions/%2E%2E',
        '/appointment_types/1%2F2/availabilities',
        '/patients',
      ]) {
        const response = await call(path);
        assert.equal(response.status, 404, path);
        assert.equal(await errorCode(response), 'not_found');
      }
      assert.equal(portal.requests.length, 0);
    });

    it("the patient's paths without a patient's token → 401, without an upstream request", async () => {
      for (const [method, path] of [
        ['GET', '/appointments'],
        ['GET', '/appointments/overview'],
        ['POST', '/appointments/1/cancel'],
        ['POST', '/reschedule'],
        ['POST', '/video_consultations_patient_accesses'],
      ] as const) {
        const response = await call(path, { method, headers: WIDGET });
        assert.equal(response.status, 401, path);
        assert.equal(await errorCode(response), 'invalid_token');
      }
      const garbage = await call('/appointments', {
        headers: { ...WIDGET, Authorization: 'Bearer <script>' },
      });
      assert.equal(garbage.status, 401);
      assert.equal(portal.requests.length, 0);
    });

    it('methods not allowed → 405 with Allow', async () => {
      const post = await call('/insurances', booking({}));
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, OPTIONS');
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const response = await call('/booking', { method, headers: WIDGET });
        assert.equal(response.status, 405);
        assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
      }
      assert.equal(portal.requests.length, 0);
    });

    it('from a disallowed origin → 403, readable by that page (so the widget can name it)', async () => {
      const evil = await call('/insurances', { headers: { Origin: 'https://evil.example' } });
      assert.equal(evil.status, 403);
      assert.equal(await errorCode(evil), 'origin_not_allowed');
      assert.equal(evil.headers.get('access-control-allow-origin'), 'https://evil.example');
      const post = await call('/booking', {
        ...booking({}),
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      });
      assert.equal(post.status, 403);
      assert.equal(portal.requests.length, 0);
    });

    it('its configuration is readable from any origin (public facts: the patient sees the phone)', async () => {
      const evil = { Origin: 'https://evil.example' };
      const read = await fetch(`${server.url}/config`, { headers: evil });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('access-control-allow-origin'), 'https://evil.example');
      const body = (await read.json()) as Record<string, unknown>;
      assert.ok('practice' in body && 'login' in body);
      assert.doesNotMatch(JSON.stringify(body), new RegExp(SECRET));
      const post = await fetch(`${server.url}/config`, { method: 'POST', headers: evil });
      assert.equal(post.status, 403, 'GET only');
      assert.equal(portal.requests.length, 0);
    });

    it('a POST without Origin (curl, a form of no browser) → 403; a booking not in JSON → 415', async () => {
      const curl = await call('/booking', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(await errorCode(curl), 'origin_required');
      const form = await call('/booking', {
        method: 'POST',
        headers: { ...WIDGET, 'Content-Type': 'text/plain' },
        body: '{}',
      });
      assert.equal(form.status, 415);
      assert.equal(portal.requests.length, 0);
    });

    it('a malformed id or date in a known parameter → 400, without an upstream request', async () => {
      for (const query of [
        '/appointment_types?insurance_id=../x',
        '/appointment_types/1/availabilities?from=tomorrow&to=2025-03-20',
        '/insurances?page=-1',
      ]) {
        const response = await call(query);
        assert.equal(response.status, 400, query);
        assert.equal(await errorCode(response), 'invalid_parameter');
      }
      assert.equal(portal.requests.length, 0);
    });

    it('a booking body over 16 KB → 413', async () => {
      const response = await call('/booking', booking({ pad: 'x'.repeat(16 * 1024) }));
      assert.equal(response.status, 413);
      assert.equal(portal.requests.length, 0);
    });
  });

  it('a booking makes the next look at any times ask the portal (a slot just taken is not shown free)', async () => {
    const path = '/appointment_types/198/availabilities?from=2025-03-16&to=2025-03-20';
    const asked = () =>
      portal.apiRequests().filter((r) => r.path.includes('/availabilities')).length;
    await call(path);
    await call(path);
    assert.equal(asked(), 1, 'cached');
    await call('/booking', await guestBooking({ availability_id: 'x' }));
    await call(path);
    assert.equal(asked(), 2, 'asked again after the booking');
  });

  it('junk parameters and their order neither miss the cache nor reach the portal', async () => {
    await call('/appointment_types?insurance_id=136&appointment_category_id=53');
    for (const query of [
      '/appointment_types?appointment_category_id=53&insurance_id=136',
      '/appointment_types?utm_source=news&insurance_id=136&appointment_category_id=53&x=1',
      '/appointment_types?appointment_category_id=53&insurance_id=136&insurance_id=999',
    ]) {
      assert.equal((await data(await call(query))).n, 1, query);
    }
    const sent = portal.apiRequests();
    assert.equal(sent.length, 1);
    assert.equal(
      sent[0]?.path,
      `${API}/appointment_types?appointment_category_id=53&insurance_id=136`,
    );
  });

  it("passes a patient's call on with the patient's token, never cached, never the backend's token", async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await call('/appointments?status=upcoming', { headers: PATIENT });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
    const cancel = await call('/appointments/7/cancel', { method: 'POST', headers: PATIENT });
    assert.ok(cancel.ok, `cancel: ${cancel.status}`);
    const sent = portal.apiRequests();
    assert.deepEqual(
      sent.map((r) => `${r.method} ${r.path} ${r.authorization}`),
      [
        `GET ${API}/appointments?status=upcoming Bearer patient-token-123`,
        `GET ${API}/appointments?status=upcoming Bearer patient-token-123`,
        `POST ${API}/appointments/7/cancel Bearer patient-token-123`,
      ],
    );
    assert.equal(portal.tokenRequests().length, 0, 'no guest token was needed');
    // A signed-in booking goes with the patient's token, a catalogue GET with the backend's.
    await call('/booking', {
      ...booking({ availability_id: 'x' }),
      headers: { ...PATIENT, 'Content-Type': 'application/json' },
    });
    assert.equal(portal.apiRequests().at(-1)?.authorization, 'Bearer patient-token-123');
    await call('/insurances', { headers: PATIENT });
    assert.equal(portal.apiRequests().at(-1)?.authorization, 'Bearer tok-1');
  });

  it('answers preflights with the headers the widget sends', async () => {
    const response = await call('/insurances', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET');
    assert.equal(
      response.headers.get('access-control-allow-headers'),
      'Authorization, Content-Type, Idempotency-Key, X-Booking-Proof',
    );
  });
});

describe('the API under load (createBackend().handle())', () => {
  before(async () => {
    portal = await startFakePortal();
  });
  after(() => portal.close());

  it('1,000 concurrent identical GETs make 1 upstream API request (and 1 token request)', async () => {
    portal.reset();
    portal.delayMs = 50;
    // The portal shares this process with 1,000 requests: on a loaded machine it answers late.
    const proxy = createBackend(config({ upstreamTimeoutMs: 5000 }), { log: () => undefined });
    const visitor = (_: unknown, i: number) =>
      proxy.handle(new Request(`http://proxy.test${API}/insurances?page=1`, { headers: WIDGET }), {
        clientIp: `10.0.${i >> 8}.${i & 255}`,
      });
    const responses = await Promise.all(Array.from({ length: 1000 }, visitor));
    assert.ok(responses.every((r) => r.status === 200));
    const bodies = await Promise.all(responses.map(data));
    assert.ok(bodies.every((b) => b.n === 1));
    assert.equal(portal.apiRequests().length, 1);
    assert.equal(portal.tokenRequests().length, 1);
    const stats = proxy.stats();
    assert.deepEqual(stats.upstream, { token: 1, login: 0, api: 1 });
    assert.deepEqual([stats.apiCache.miss, stats.apiCache.shared, stats.apiCache.hit], [1, 999, 0]);
    assert.equal(stats.rateLimited, 0);
  });
});

describe("the portal's budget, defended", () => {
  before(async () => {
    portal = await startFakePortal();
  });
  after(() => portal.close());
  beforeEach(() => portal.reset());

  /** One backend with a tight upstream share; requests from `ip` (X-Forwarded-For, trusted). */
  async function backendWithShare(upstreamLimit: number) {
    const backend = createBackend(
      config({
        trustProxy: ['127.0.0.1'],
        rateLimit: { limit: 60, proxyLimit: 1000, upstreamLimit, windowSeconds: 60 },
      }),
    );
    return (path: string, ip: string) =>
      backend.handle(
        new Request(`http://b.test${API}${path}`, {
          headers: { ...WIDGET, 'X-Forwarded-For': ip },
        }),
        { clientIp: '127.0.0.1' },
      );
  }

  it('one address spends at most its share of the portal; cached answers cost nothing', async () => {
    const get = await backendWithShare(5);
    // 50 distinct availability windows (a script walking the calendar) from one address …
    const statuses: number[] = [];
    for (let day = 1; day <= 50; day += 1) {
      const d = String((day % 28) + 1).padStart(2, '0');
      const path = `/appointment_types/${day}/availabilities?from=2025-03-${d}&to=2025-03-${d}`;
      statuses.push((await get(path, '203.0.113.9')).status);
    }
    assert.equal(statuses.filter((s) => s === 200).length, 5);
    assert.equal(statuses.filter((s) => s === 429).length, 45);
    assert.equal(portal.apiRequests().length, 5, 'the portal saw five of them');
    // … while the insurances, cached, still answer that address, and another address is served.
    assert.equal((await get('/insurances', '198.51.100.1')).status, 200);
    assert.equal((await get('/insurances', '203.0.113.9')).status, 200);
    assert.equal((await get('/locations', '198.51.100.2')).status, 200);
  });

  it('serves the last good answer when the portal is busy (429) or failing, and queues nothing', async () => {
    let clock = Date.UTC(2025, 2, 15);
    const backend = createBackend(config(), { now: () => clock });
    const get = () =>
      backend.handle(new Request(`http://b.test${API}/insurances`, { headers: WIDGET }));
    assert.equal((await get()).status, 200);
    clock += 301_000; // past the cache time
    portal.apiReply = () => ({ status: 429, headers: { 'Retry-After': '30' }, body: {} });
    const busy = await get();
    assert.equal(busy.status, 200, 'the old answer, not the 429');
    assert.equal(busy.headers.get('cache-control'), 'no-store', 'which nobody else may keep');
    assert.equal((await data(busy)).n, 1);
    portal.apiReply = () => 'hang';
    const failing = await get();
    assert.equal(failing.status, 200);
    assert.equal(backend.stats().apiCache.stale, 2);
  });
});
