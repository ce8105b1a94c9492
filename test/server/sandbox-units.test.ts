import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAvailabilityCodec } from '../../server/sandbox/availability-ids.js';
import { IdempotencyStore } from '../../server/sandbox/idempotency.js';
import { RateLimiter } from '../../server/sandbox/rate-limit.js';
import { createRng } from '../../server/sandbox/prng.js';
import { localToUtc, parseDay, toZonedIso, tzOffsetMinutes } from '../../server/sandbox/time.js';
import { ApiError } from '../../server/sandbox/envelopes.js';

describe('sandbox building blocks', () => {
  it('signs availability ids: round trip, "==" padding, tamper and key checks', () => {
    const codec = createAvailabilityCodec('seed-a');
    const refs = [
      { typeId: 198, locationId: 21, startsAt: Date.UTC(2030, 0, 7, 8, 0) },
      { typeId: 204, locationId: null, startsAt: Date.UTC(2030, 0, 7, 8, 15) },
      {
        typeId: 199,
        locationId: 21,
        startsAt: Date.UTC(2030, 0, 8, 9, 0),
        appointmentId: 'xbCuVVTNU6rT6E5m8p6Y8h7opzfo',
      },
    ];
    for (const ref of refs) {
      const id = codec.encode(ref);
      assert.match(id, /^[A-Za-z0-9+/]+==$/);
      assert.deepEqual(codec.decode(id), ref);
      assert.equal(createAvailabilityCodec('seed-b').decode(id), null);
      const chars = [...id];
      chars[6] = chars[6] === 'A' ? 'B' : 'A';
      assert.equal(codec.decode(chars.join('')), null);
    }
    assert.equal(codec.decode(''), null);
    assert.equal(codec.decode('%%%'), null);
  });

  it('is deterministic for a seed', () => {
    const a = createRng('x');
    const b = createRng('x');
    assert.deepEqual([a.id(), a.uuid(), a.next()], [b.id(), b.uuid(), b.next()]);
    assert.match(
      createRng('y').uuid(),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('computes Europe/Berlin wall times across daylight saving time', () => {
    const winter = parseDay('2030-01-07') ?? 0;
    const summer = parseDay('2030-07-08') ?? 0;
    assert.equal(toZonedIso(localToUtc(winter, 9 * 60)), '2030-01-07T09:00:00+01:00');
    assert.equal(toZonedIso(localToUtc(summer, 9 * 60)), '2030-07-08T09:00:00+02:00');
    assert.equal(tzOffsetMinutes(Date.UTC(2030, 2, 31, 12)), 120);
    assert.equal(parseDay('2030-02-29'), null);
    assert.equal(parseDay('2030-1-07'), null);
  });

  it('counts a fixed window per client', () => {
    let now = 1_000;
    const limiter = new RateLimiter(() => ({ rateLimit: 2, rateWindowMs: 10_000 }));
    assert.equal(limiter.hit('a', now).allowed, true);
    assert.equal(limiter.hit('a', now).allowed, true);
    const third = limiter.hit('a', now + 2_500);
    assert.equal(third.allowed, false);
    assert.equal(third.headers['Retry-After'], '8');
    assert.equal(limiter.hit('b', now).allowed, true);
    now += 10_000;
    assert.equal(limiter.hit('a', now).allowed, true);
  });

  it('keeps idempotent results, but not server errors', async () => {
    const store = new IdempotencyStore();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      return { status: 503, body: { message: 'down' } };
    };
    await store.run('c', 'k', 'f', failing);
    await store.run('c', 'k', 'f', failing);
    assert.equal(calls, 2, '5xx is not stored');
    const working = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: 201, body: { n: calls } };
    };
    const [a, b] = await Promise.all([
      store.run('c', 'k2', 'f', working),
      store.run('c', 'k2', 'f', working),
    ]);
    assert.deepEqual(a.body, b.body);
    assert.equal(calls, 3, 'the concurrent duplicate waited');
    await assert.rejects(
      store.run('c', 'k2', 'other', working),
      (err: unknown) => err instanceof ApiError && err.code === 'idempotency_key_reused',
    );
    const other = await store.run('other-client', 'k2', 'other', working);
    assert.equal(other.status, 201);
  });
});
