// The guard in front of a guest's booking: a proof of work (ALTCHA, each solution once, expiring)
// and booking budgets per client IP, email address and slot. A refused booking never reaches the
// portal; a signed-in patient's booking needs no proof.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BackendConfig } from '../../server/backend/config.js';
import { readBackendEnv } from '../../server/backend/config.js';
import type { Backend } from '../../server/backend/handler.js';
import { createBackend } from '../../server/backend/handler.js';
import { memorySpentProofs } from '../../server/backend/spent-proofs.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import { fetchChallenge, proofFrom, solve } from '../support/proof.js';

const ORIGIN = 'https://clinic.example';
const BASE = 'http://backend.test';
const BOOKING = `${BASE}/api/patient/v1/booking`;
const WIDGET = { Origin: ORIGIN };
const EMAIL = 'Erika.Muster@example.com';

let portal: FakePortal;
let backend: Backend;
let clock: number;
let logs: string[];

function start(overrides: Partial<BackendConfig> = {}): void {
  backend = createBackend(
    {
      portalUrl: portal.url,
      clientId: 'widget-client',
      clientSecret: 'S3cret-Zebra-4711',
      allowedOrigins: [ORIGIN],
      proof: { maxNumber: 2000, expiresSeconds: 600 },
      trustProxy: ['127.0.0.1'],
      ...overrides,
    },
    { now: () => clock, log: (line) => logs.push(line) },
  );
}

/** `fetch` onto the backend from `ip` (the peer address nginx reports in `X-Forwarded-For`). */
const via =
  (ip = '198.51.100.7'): typeof fetch =>
  (input, init) => {
    const request = new Request(input, init);
    request.headers.set('X-Forwarded-For', ip);
    return backend.handle(request, { clientIp: '127.0.0.1' });
  };

const proof = () => proofFrom(BASE, WIDGET, via());

interface BookOptions {
  proof?: string | null;
  ip?: string;
  slot?: string;
  email?: string;
  key?: string;
  headers?: Record<string, string>;
}

let slots = 0;

async function book(options: BookOptions = {}): Promise<Response> {
  const proofValue = options.proof === undefined ? await proof() : options.proof;
  const headers: Record<string, string> = {
    ...WIDGET,
    'Content-Type': 'application/json',
    ...(proofValue === null ? {} : { 'X-Booking-Proof': proofValue }),
    ...(options.key ? { 'Idempotency-Key': options.key } : {}),
    ...options.headers,
  };
  slots += 1;
  const body = {
    availability_id: options.slot ?? `slot-${slots}`,
    patient_data: { first_name: 'Erika', email: options.email ?? `p${slots}@example.com` },
  };
  return via(options.ip)(BOOKING, { method: 'POST', headers, body: JSON.stringify(body) });
}

const bookingsAtPortal = () =>
  portal.apiRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/booking')).length;

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

before(async () => {
  portal = await startFakePortal();
});
after(() => portal.close());
beforeEach(() => {
  portal.reset();
  clock = Date.UTC(2025, 2, 15, 10, 0, 0);
  logs = [];
  start();
});

describe('proof of work for guest bookings', () => {
  it('GET pow-challenge: a signed challenge in ALTCHA’s shape, never cached', async () => {
    const response = await via()(`${BASE}/pow-challenge`, { headers: WIDGET });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    const challenge = (await response.json()) as Record<string, unknown>;
    assert.equal(challenge.algorithm, 'SHA-256');
    assert.equal(challenge.maxnumber, 2000);
    assert.match(String(challenge.challenge), /^[0-9a-f]{64}$/);
    assert.match(String(challenge.signature), /^[0-9a-f]{64}$/);
    assert.match(String(challenge.salt), /\?expires=\d+&$/);
  });

  it('a guest booking without a proof → 403 proof_required, and the portal is never asked', async () => {
    const response = await book({ proof: null });
    assert.equal(response.status, 403);
    assert.equal(await errorOf(response), 'proof_required');
    assert.equal(portal.requests.length, 0, 'neither a booking nor a guest token');
    assert.match(
      logs.at(-1) ?? '',
      /POST \/api\/patient\/v1\/booking 403 \d+ms as=guest proof=missing/,
    );
  });

  it('junk, a forged or a tampered proof → 403 proof_invalid, the portal never asked', async () => {
    const challenge = await fetchChallenge(BASE, WIDGET, via());
    const good = JSON.parse(atob(await solve(challenge))) as Record<string, unknown>;
    const forged = { ...good, signature: 'f'.repeat(64) };
    const otherNumber = { ...good, number: Number(good.number) + 1 };
    const longer = { ...good, salt: `${String(good.salt)}x` };
    for (const value of [
      'junk',
      btoa('{}'),
      btoa(JSON.stringify(forged)),
      btoa(JSON.stringify(otherNumber)),
      btoa(JSON.stringify(longer)),
      'A'.repeat(5000),
    ]) {
      const response = await book({ proof: value });
      assert.equal(response.status, 403, value.slice(0, 40));
      assert.equal(await errorOf(response), 'proof_invalid');
    }
    assert.equal(portal.requests.length, 0);
  });

  it('a valid proof books; the same proof again is refused (another booking, or no key)', async () => {
    const value = await proof();
    const first = await book({ proof: value, key: 'key-1' });
    assert.equal(first.status, 201);
    assert.equal(bookingsAtPortal(), 1);
    for (const again of [{ key: 'key-2' }, {}]) {
      const second = await book({ proof: value, ...again });
      assert.equal(second.status, 403);
      assert.equal(await errorOf(second), 'proof_invalid');
    }
    assert.match(logs.at(-1) ?? '', /proof=spent/);
    assert.equal(bookingsAtPortal(), 1);
    assert.deepEqual(backend.stats().bookingGuard, {
      proofMissing: 0,
      proofInvalid: 2,
      limited: 0,
    });
  });

  it('the same booking sent again (same Idempotency-Key) may carry its proof again', async () => {
    const value = await proof();
    assert.equal((await book({ proof: value, key: 'key-1', slot: 's' })).status, 201);
    assert.equal((await book({ proof: value, key: 'key-1', slot: 's' })).status, 201);
    assert.equal(bookingsAtPortal(), 2, 'the portal replays the first by its key');
    assert.equal(portal.apiRequests().at(-1)?.headers['idempotency-key'], 'key-1');
  });

  it('an expired challenge is refused, however well solved', async () => {
    const value = await proof();
    clock += 600_000;
    const response = await book({ proof: value });
    assert.equal(response.status, 403);
    assert.equal(await errorOf(response), 'proof_invalid');
    assert.match(logs.at(-1) ?? '', /proof=expired/);
    assert.equal(portal.requests.length, 0);
    clock -= 1;
    assert.equal((await book({ proof: value })).status, 201, 'valid until its last millisecond');
  });

  it('a challenge signed with another key (another instance) is refused', async () => {
    const value = await proof();
    start({ proof: { hmacKey: 'k'.repeat(32), maxNumber: 2000 } });
    const response = await book({ proof: value });
    assert.equal(await errorOf(response), 'proof_invalid');
    assert.match(logs.at(-1) ?? '', /proof=forged/);
  });

  it('instances with the same POW_HMAC_KEY accept each other’s challenges', async () => {
    start({ proof: { hmacKey: 'k'.repeat(32), maxNumber: 2000 } });
    const value = await proof();
    start({ proof: { hmacKey: 'k'.repeat(32), maxNumber: 2000 } });
    assert.equal((await book({ proof: value })).status, 201);
  });

  it("a signed-in patient's booking needs no proof; a bad bearer is 401 before any proof", async () => {
    const patient = { Authorization: 'Bearer patient-token-123' };
    const booked = await book({ proof: null, headers: patient });
    assert.equal(booked.status, 201);
    assert.equal(portal.apiRequests().at(-1)?.authorization, 'Bearer patient-token-123');
    const bad = await book({ proof: null, headers: { Authorization: 'Bearer !' } });
    assert.equal(bad.status, 401);
  });

  it('the preflight allows the proof header', async () => {
    const response = await via()(BOOKING, {
      method: 'OPTIONS',
      headers: { ...WIDGET, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('Access-Control-Allow-Headers') ?? '', /X-Booking-Proof/);
  });
});

describe('booking budgets (429 with Retry-After)', () => {
  it('per client IP: 5 guest bookings an hour by default; another IP books on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await book({ ip: '203.0.113.5' })).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    const limited = await book({ ip: '203.0.113.5' });
    assert.equal(limited.status, 429);
    assert.equal(await errorOf(limited), 'booking_limited');
    assert.equal(limited.headers.get('Retry-After'), '3600');
    assert.match(logs.at(-1) ?? '', /limit=ip$/);
    assert.equal((await book({ ip: '203.0.113.6' })).status, 201);
    assert.equal(bookingsAtPortal(), 6);
    clock += 3_600_000;
    assert.equal((await book({ ip: '203.0.113.5' })).status, 201, 'a new hour');
  });

  it('per email address: 3 a day from any IP, whatever its spelling; never in a log line', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const email = i % 2 ? EMAIL.toLowerCase() : ` ${EMAIL.toUpperCase()} `;
      statuses.push((await book({ ip: `203.0.113.${10 + i}`, email })).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    clock += 60_000;
    const limited = await book({ ip: '203.0.113.99', email: EMAIL });
    assert.equal(limited.headers.get('Retry-After'), String(86_400 - 60));
    assert.match(logs.at(-1) ?? '', /limit=email$/);
    assert.equal((await book({ ip: '203.0.113.99' })).status, 201, 'another address');
    const text = logs.join('\n').toLowerCase();
    assert.ok(!text.includes('erika') && !text.includes('example.com'), text);
  });

  it('per slot: 3 attempts in 10 minutes on one availability_id', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await book({ ip: `203.0.113.${20 + i}`, slot: 'hot' })).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const limited = await book({ ip: '203.0.113.30', slot: 'hot' });
    assert.ok(Number(limited.headers.get('Retry-After')) <= 600);
    assert.match(logs.at(-1) ?? '', /limit=slot$/);
    assert.equal(bookingsAtPortal(), 3);
  });

  it('a refused proof spends no budget: junk cannot lock a patient or a slot out', async () => {
    for (let i = 0; i < 10; i += 1) await book({ proof: 'junk', email: EMAIL, slot: 'hot' });
    assert.equal((await book({ email: EMAIL, slot: 'hot' })).status, 201);
  });

  it('0 turns a budget off; signed-in patients are not counted', async () => {
    start({ bookingLimits: { perIp: 0, perEmail: 0, perSlot: 0 } });
    for (let i = 0; i < 8; i += 1)
      assert.equal((await book({ slot: 'hot', email: EMAIL })).status, 201);
    start();
    const patient = { Authorization: 'Bearer patient-token-123' };
    for (let i = 0; i < 8; i += 1) {
      assert.equal((await book({ proof: null, slot: 'hot', headers: patient })).status, 201);
    }
  });
});

describe('the guard’s configuration and memory', () => {
  it('reads POW_* and BOOKING_* from the environment, naming a bad one', () => {
    const config = readBackendEnv({
      POW_HMAC_KEY: 'x'.repeat(40),
      POW_MAX_NUMBER: '50000',
      POW_EXPIRES_SECONDS: '300',
      BOOKING_IP_LIMIT: '10',
      BOOKING_EMAIL_LIMIT: '0',
      BOOKING_SLOT_LIMIT: '2',
    });
    assert.deepEqual(config.proof, {
      hmacKey: 'x'.repeat(40),
      maxNumber: 50_000,
      expiresSeconds: 300,
    });
    assert.deepEqual(config.bookingLimits, { perIp: 10, perEmail: 0, perSlot: 2 });
    const defaults = readBackendEnv({});
    assert.deepEqual(defaults.proof, { maxNumber: 100_000, expiresSeconds: 600 });
    assert.deepEqual(defaults.bookingLimits, { perIp: 5, perEmail: 3, perSlot: 3 });
    assert.throws(() => readBackendEnv({ POW_HMAC_KEY: 'short' }), /POW_HMAC_KEY/);
    assert.throws(() => readBackendEnv({ POW_MAX_NUMBER: '10' }), /POW_MAX_NUMBER/);
    assert.throws(() => readBackendEnv({ BOOKING_IP_LIMIT: 'many' }), /BOOKING_IP_LIMIT/);
  });

  it('the spent set is bounded and forgets expired proofs', () => {
    let now = 0;
    const spent = memorySpentProofs({ now: () => now, maxEntries: 3 });
    assert.equal(spent.spend('a', undefined, 100), 'fresh');
    assert.equal(spent.spend('a', undefined, 100), 'spent');
    assert.equal(spent.spend('b', 'k', 100), 'fresh');
    assert.equal(spent.spend('b', 'k', 100), 'same');
    assert.equal(spent.spend('b', 'other', 100), 'spent');
    for (const id of ['c', 'd', 'e']) spent.spend(id, undefined, 200);
    assert.equal(spent.size(), 3, 'never more than maxEntries');
    now = 150;
    spent.spend('f', undefined, 300);
    assert.equal(spent.size(), 3);
    now = 250;
    spent.spend('g', undefined, 400);
    assert.equal(spent.size(), 2, 'expired ones went');
  });
});
