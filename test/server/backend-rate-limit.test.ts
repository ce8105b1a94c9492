import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { clientKey, normalizeIp } from '../../server/backend/client-ip.js';
import type { BackendConfig } from '../../server/backend/config.js';
import { createBackend } from '../../server/backend/handler.js';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { createRateLimiter } from '../../server/backend/rate-limit.js';
import { parseTrustedProxies } from '../../server/backend/trusted-proxies.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';

const SECRET = 'S3cret-Zebra-4711';
const ORIGIN = 'https://clinic.example';
const GOOD = { Origin: ORIGIN };
const REDIRECT = 'https://clinic.example/cb.html';
/** A code exchange at the login exchange, as the widget's login library sends it. */
const FORM_HEADERS = { ...GOOD, 'Content-Type': 'application/x-www-form-urlencoded' };
const EXCHANGE = new URLSearchParams({
  grant_type: 'authorization_code',
  code: 'c',
  redirect_uri: REDIRECT,
  code_verifier: 'v',
}).toString();
const FORM: RequestInit = { method: 'POST', headers: FORM_HEADERS, body: EXCHANGE };

const seen: string[] = [];
let portal: FakePortal;
let server: StartedBackend;
let clock: number;
let logs: string[];

function config(overrides: Partial<BackendConfig> = {}): BackendConfig {
  return {
    portalUrl: portal.url,
    clientId: 'widget-client',
    clientSecret: SECRET,
    allowedOrigins: [ORIGIN],
    redirectUris: [REDIRECT],
    rateLimit: { limit: 3, proxyLimit: 2, windowSeconds: 60 },
    ...overrides,
  };
}

async function start(overrides: Partial<BackendConfig> = {}): Promise<void> {
  server = await startBackend(config(overrides), {
    now: () => clock,
    log: (line) => logs.push(line),
  });
}

async function call(path = '/oauth/token', init: RequestInit = FORM): Promise<Response> {
  const response = await fetch(`${server.url}${path}`, init);
  seen.push(await response.clone().text());
  return response;
}

const statuses = async (count: number, path = '/oauth/token', init: RequestInit = FORM) => {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await call(path, init)).status);
  return result;
};

describe('per-client-IP rate limit', () => {
  before(async () => {
    portal = await startFakePortal();
  });
  after(async () => {
    await portal.close();
    assert.deepEqual(
      seen.filter((text) => text.includes(SECRET)),
      [],
    );
  });
  beforeEach(async () => {
    portal.reset();
    clock = Date.UTC(2025, 2, 15, 10, 0, 0);
    logs = [];
    await start();
  });
  afterEach(async () => {
    seen.push(...logs);
    await server.close();
  });

  it('over budget → 429 envelope with Retry-After until the window ends', async () => {
    assert.deepEqual(await statuses(3), [200, 200, 200]);
    const refused = await call();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '60');
    assert.equal(refused.headers.get('ratelimit-limit'), '3');
    assert.equal(refused.headers.get('ratelimit-remaining'), '0');
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    assert.equal(refused.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const body = (await refused.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['error', 'message']);
    assert.equal(body.error, 'rate_limited');
    assert.match(logs[3] ?? '', /^POST \/oauth\/token 429 \d+ms ratelimit=login$/);
    clock += 45_000;
    assert.equal((await call()).headers.get('retry-after'), '15');
    clock += 15_000;
    assert.equal((await call()).status, 200);
    assert.equal(portal.requests.length, 4, 'refused requests never reach the portal');
    assert.equal(server.stats().rateLimited, 2);
  });

  it('the login exchange and the API have a budget each', async () => {
    assert.deepEqual(await statuses(3), [200, 200, 200]);
    assert.deepEqual(await statuses(1), [429]);
    const api = { method: 'GET', headers: GOOD };
    assert.deepEqual(await statuses(3, '/api/patient/v1/insurances', api), [200, 200, 429]);
  });

  it('preflights and unknown paths do not spend the budget', async () => {
    const preflight = { method: 'OPTIONS', headers: { Origin: ORIGIN } };
    assert.deepEqual(await statuses(5, '/oauth/token', preflight), [204, 204, 204, 204, 204]);
    assert.deepEqual(await statuses(5, '/nope'), [404, 404, 404, 404, 404]);
    assert.deepEqual(await statuses(3), [200, 200, 200]);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY; then keys on the address the proxy saw', async () => {
    const from = (xff: string): RequestInit => ({
      ...FORM,
      headers: { ...FORM_HEADERS, 'X-Forwarded-For': xff },
    });
    const spoofed = [];
    for (let i = 0; i < 4; i += 1)
      spoofed.push((await call('/oauth/token', from(`198.51.100.${i}`))).status);
    assert.deepEqual(spoofed, [200, 200, 200, 429]);

    await server.close();
    // The backend's peer in this test is loopback: that is the trusted proxy.
    await start({ trustProxy: ['127.0.0.1', '::1'] });
    assert.deepEqual(
      await statuses(4, '/oauth/token', from('6.6.6.6, 198.51.100.1')),
      [200, 200, 200, 429],
    );
    assert.deepEqual(await statuses(1, '/oauth/token', from('6.6.6.6, 198.51.100.2')), [200]);
  });

  it('a limit of 0 turns the budget off', async () => {
    await server.close();
    await start({ rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 } });
    assert.ok((await statuses(20)).every((status) => status === 200));
  });

  it('a request whose client is unknown (no clientIp, no trusted header) is not limited', async () => {
    const direct = createBackend(config(), { now: () => clock });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        direct.handle(new Request('http://t.test/oauth/token', FORM)),
      ),
    );
    assert.ok(responses.every((r) => r.status === 200));
    const limited = await Promise.all(
      Array.from({ length: 4 }, () =>
        direct.handle(new Request('http://t.test/oauth/token', FORM), {
          clientIp: '203.0.113.7',
        }),
      ),
    );
    assert.deepEqual(
      limited.map((r) => r.status),
      [200, 200, 200, 429],
    );
  });
});

describe('rate limiter and client keys (units)', () => {
  it('holds at most maxKeys windows (plus the overflow); expired ones make room', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => now, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) limiter.hit(`ip-${i}`);
    assert.equal(limiter.size(), 101);
    now = 1000;
    for (let i = 0; i < 50; i += 1) limiter.hit(`later-${i}`);
    assert.ok(limiter.size() <= 101);
    assert.equal(limiter.hit('later-0').allowed, false, 'a new window once old ones expired');
  });

  it('a client rotating through many keys cannot push its own window out and start afresh', () => {
    const now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now, maxKeys: 100 });
    assert.equal(limiter.hit('me').allowed, true);
    assert.equal(limiter.hit('me').allowed, true);
    assert.equal(limiter.hit('me').allowed, false);
    // 10,000 other addresses (IPv6 /64s are cheap) within the same window…
    for (let i = 0; i < 10_000; i += 1) limiter.hit(`2001:db8:${i.toString(16)}::/64`);
    // … and the first one is still over its budget, while the newcomers share one small budget.
    assert.equal(limiter.hit('me').allowed, false, 'its window was not dropped');
    assert.equal(limiter.hit('one-more').allowed, false, 'the overflow budget is spent');
    assert.ok(limiter.size() <= 101);
  });

  it('keys IPv4 per address and IPv6 per /64; IPv4-mapped IPv6 counts as IPv4', () => {
    assert.equal(normalizeIp('203.0.113.7'), '203.0.113.7');
    assert.equal(normalizeIp('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(normalizeIp('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(normalizeIp('2001:0DB8:0001:0002:ffff:1:2:3'), '2001:db8:1:2::/64');
    assert.equal(normalizeIp('[2001:db8::1]:443'), '2001:db8:0:0::/64');
    assert.equal(normalizeIp('::1'), '0:0:0:0::/64');
    assert.equal(normalizeIp('fe80::1%eth0'), 'fe80:0:0:0::/64');
  });

  it('reads X-Forwarded-For only from a trusted proxy, past every trusted hop', () => {
    const request = new Request('http://t.test/', {
      headers: { 'X-Forwarded-For': 'spoof, 192.0.2.1, 10.0.0.2' },
    });
    const none = parseTrustedProxies([]);
    const tenNet = parseTrustedProxies(['10.0.0.0/8']);
    assert.equal(clientKey(request, { clientIp: '10.0.0.9' }, none), '10.0.0.9');
    assert.equal(clientKey(request, { clientIp: '10.0.0.9' }, tenNet), '192.0.2.1');
    // A peer that is not a trusted proxy is the client, whatever its header says.
    assert.equal(clientKey(request, { clientIp: '198.51.100.4' }, tenNet), '198.51.100.4');
    const one = parseTrustedProxies(['10.0.0.9']);
    assert.equal(clientKey(request, { clientIp: '10.0.0.9' }, one), '10.0.0.2');
    assert.equal(
      clientKey(new Request('http://t.test/'), { clientIp: '10.0.0.9' }, one),
      '10.0.0.9',
    );
    assert.equal(clientKey(new Request('http://t.test/'), {}, none), undefined);
  });

  it('parses addresses and networks, IPv4 and IPv6, and names a bad entry', () => {
    const trusted = parseTrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1']);
    for (const ip of ['127.0.0.1', '10.200.3.4', '::ffff:10.1.1.1', 'fd12:3456::1', '::1']) {
      assert.equal(trusted(ip), true, ip);
    }
    for (const ip of ['127.0.0.2', '11.0.0.1', 'fe80::1', '2001:db8::1', 'garbage']) {
      assert.equal(trusted(ip), false, ip);
    }
    for (const bad of ['10.0.0.0/33', 'not-an-ip', '1.2.3.4/x', '300.1.1.1']) {
      assert.throws(
        () => parseTrustedProxies([bad]),
        new RegExp(`TRUST_PROXY: "${bad.replace(/[./]/g, '\\$&')}"`),
      );
    }
  });
});
