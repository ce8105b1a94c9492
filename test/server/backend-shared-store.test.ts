// Two instances of the backend sharing a real Redis (started here): a proof of work books once
// across both, a per-IP limit holds across both, one guest token request for both; Redis gone,
// both keep serving with their own limits, say so, and refuse guest bookings until it is back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { Backend } from '../../server/backend/handler.js';
import { createBackend } from '../../server/backend/handler.js';
import type { RedisStore } from '../../server/backend/redis-store.js';
import { redisStore } from '../../server/backend/redis-store.js';
import { scopedStore } from '../../server/backend/store.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import { proofFrom } from '../support/proof.js';
import type { RedisServer } from '../support/redis.js';
import { startRedis } from '../support/redis.js';

const ORIGIN = 'https://clinic.example';
const BASE = 'http://backend.test';
const API = `${BASE}/api/patient/v1`;

let redis: RedisServer;
let portal: FakePortal;
const stores: RedisStore[] = [];
const warnings: string[] = [];
let a: Backend;
let b: Backend;

function instance(): Backend {
  const store = redisStore({ url: redis.url, now: Date.now, warn: (l) => warnings.push(l) });
  stores.push(store);
  return createBackend(
    {
      portalUrl: portal.url,
      clientId: 'widget-client',
      clientSecret: 'S3cret-Zebra-4711',
      allowedOrigins: [ORIGIN],
      proof: { maxNumber: 2000, expiresSeconds: 600, hmacKey: 'k'.repeat(32) },
      rateLimit: { limit: 60, proxyLimit: 6, upstreamLimit: 60, windowSeconds: 60 },
      trustProxy: ['127.0.0.1'],
    },
    { store: scopedStore(store, 'pb:praxis-a:') },
  );
}

/** `fetch` onto `backend` as client `ip` (behind a trusted proxy). */
const via =
  (backend: Backend, ip: string): typeof fetch =>
  (input, init) => {
    const request = new Request(input, init);
    request.headers.set('X-Forwarded-For', ip);
    request.headers.set('Origin', ORIGIN);
    return backend.handle(request, { clientIp: '127.0.0.1' });
  };

function book(backend: Backend, ip: string, proof: string, key?: string): Promise<Response> {
  return via(backend, ip)(`${API}/booking`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Booking-Proof': proof,
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: JSON.stringify({ availability_id: ip, patient_data: { email: `${ip}@example.com` } }),
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
const health = async (backend: Backend) =>
  (await (await backend.handle(new Request(`${BASE}/health`))).json()) as { store: string };

describe('two instances on one Redis', { timeout: 20_000 }, () => {
  before(async () => {
    [redis, portal] = await Promise.all([startRedis(), startFakePortal()]);
    a = instance();
    b = instance();
    assert.deepEqual(await Promise.all(stores.map((s) => s.ready(5000))), [true, true]);
  });
  after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all([redis.stop(), portal.close()]);
  });

  it('asks the portal for one guest token for both', async () => {
    const paths = ['insurances', 'institutions', 'locations'];
    const answers = await Promise.all(
      [a, b].flatMap((backend, i) =>
        paths.map((path) => via(backend, `198.51.100.${i + 1}`)(`${API}/${path}`)),
      ),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200, 200, 200, 200],
    );
    assert.equal(portal.tokenRequests().length, 1);
    const tokens = new Set(portal.apiRequests().map((r) => r.authorization));
    assert.deepEqual([...tokens], ['Bearer tok-1']);
  });

  it('accepts a proof of work once across both; the same booking again with its key', async () => {
    const proof = await proofFrom(BASE, { Origin: ORIGIN }, via(a, '198.51.100.10'));
    assert.equal((await book(a, '198.51.100.10', proof, 'key-1')).status, 201);
    const replay = await book(b, '198.51.100.11', proof);
    assert.equal(replay.status, 403);
    assert.equal(await errorOf(replay), 'proof_invalid');
    const otherKey = await book(b, '198.51.100.10', proof, 'key-2');
    assert.equal(otherKey.status, 403);
    const retry = await book(b, '198.51.100.10', proof, 'key-1');
    assert.equal(retry.status, 201, 'a retry of the same booking on the other instance');
    const keys = portal.apiRequests().filter((r) => r.method === 'POST');
    assert.deepEqual(
      keys.map((r) => r.headers['idempotency-key']),
      ['key-1', 'key-1'],
    );
  });

  it('holds a per-IP limit across both', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await via(i % 2 === 0 ? a : b, '203.0.113.7')(`${API}/insurances`);
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
    assert.equal((await via(b, '203.0.113.8')(`${API}/insurances`)).status, 200);
    const client = new Redis(redis.url);
    const keys = await client.keys('*');
    client.disconnect();
    assert.ok(keys.some((key) => key.startsWith('pb:praxis-a:rl:api:')));
    assert.ok(!keys.some((key) => key.includes('203.0.113')), 'no address in a key name');
  });

  it('keeps serving without Redis: own limits, said in the log and health, no guest booking', async () => {
    const proof = await proofFrom(BASE, { Origin: ORIGIN }, via(a, '198.51.100.20'));
    assert.deepEqual(await health(a), { status: 'ok', store: 'shared' });
    await redis.stop();
    while (stores.some((s) => s.status() !== 'degraded')) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(await health(b), { status: 'ok', store: 'degraded' });
    assert.ok(warnings.some((line) => line.includes('store Redis unreachable')));
    assert.equal((await via(a, '198.51.100.20')(`${API}/insurances`)).status, 200);
    const refused = await book(a, '198.51.100.20', proof);
    assert.equal(refused.status, 503);
    assert.equal(await errorOf(refused), 'booking_unavailable');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await via(b, '203.0.113.9')(`${API}/insurances`)).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429], 'per instance now');
  });

  it('shares again once Redis is back', async () => {
    redis = await startRedis(redis.port);
    await Promise.all(stores.map((s) => s.ready(5000)));
    assert.deepEqual(await health(a), { status: 'ok', store: 'shared' });
    assert.ok(warnings.at(-1)?.includes('store Redis reachable'));
    const proof = await proofFrom(BASE, { Origin: ORIGIN }, via(b, '198.51.100.30'));
    assert.equal((await book(b, '198.51.100.30', proof)).status, 201);
    assert.equal((await book(a, '198.51.100.31', proof)).status, 403);
  });
});
