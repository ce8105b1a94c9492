// The Store in memory (one process, and a shared store's fallback) and what is built on any
// Store: fixed windows, set-if-absent for spent proofs (the same booking again with its key), and
// the shared guest token (one portal request; the others wait for it in the store).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryStore } from '../../server/backend/memory-store.js';
import type { PortalToken } from '../../server/backend/portal-token.js';
import { sharedTokens } from '../../server/backend/shared-token.js';
import { storeSpentProofs } from '../../server/backend/spent-proofs.js';
import { scopedStore } from '../../server/backend/store.js';
import { storeRateLimiter } from '../../server/backend/store-rate-limit.js';

describe('the memory store', () => {
  it('counts fixed windows that start with their first hit', () => {
    let clock = 1000;
    const store = memoryStore({ now: () => clock });
    assert.deepEqual(store.hit('k', 60_000), { count: 1, resetInMs: 60_000 });
    clock += 59_000;
    assert.deepEqual(store.hit('k', 60_000), { count: 2, resetInMs: 1000 });
    clock += 1000;
    assert.deepEqual(store.hit('k', 60_000), { count: 1, resetInMs: 60_000 });
  });

  it('claims a key once until it expires, and holds at most maxEntries keys', () => {
    let clock = 0;
    const store = memoryStore({ now: () => clock, maxEntries: 2 });
    assert.equal(store.claim('a', 'one', 100), undefined);
    assert.equal(store.claim('a', 'two', 100), 'one');
    clock = 100;
    assert.equal(store.claim('a', 'three', 100), undefined, 'expired: free again');
    store.set('b', 'x', 1000);
    store.set('c', 'y', 1000);
    assert.equal(store.get('a'), undefined, 'the oldest went');
    assert.equal(store.get('c'), 'y');
  });

  it('keeps each scope apart', () => {
    const store = memoryStore({ now: () => 0 });
    scopedStore(store, 'pb:a:').set('guest-token', 'A', 1000);
    assert.equal(scopedStore(store, 'pb:b:').get('guest-token'), undefined);
    assert.equal(store.get('pb:a:guest-token'), 'A');
  });
});

describe('built on a store', () => {
  it('limits per key with Retry-After from the window', async () => {
    const store = memoryStore({ now: () => 0 });
    const limiter = storeRateLimiter({ limit: 2, windowMs: 10_000, store, name: 'api' });
    const decisions = [await limiter.hit('ip'), await limiter.hit('ip'), await limiter.hit('ip')];
    assert.deepEqual(decisions.at(-1), { allowed: false, limit: 2, retryAfterSeconds: 10 });
    assert.equal(limiter.refusals(), 1);
    assert.deepEqual(await limiter.hit('other'), { allowed: true });
  });

  it('spends a proof once; the same owner may use it again', async () => {
    const spent = storeSpentProofs(memoryStore({ now: () => 0 }), () => 0);
    assert.equal(await spent.spend('sig', 'key-1', 60_000), 'fresh');
    assert.equal(await spent.spend('sig', 'key-1', 60_000), 'same');
    assert.equal(await spent.spend('sig', 'key-2', 60_000), 'spent');
    assert.equal(await spent.spend('sig', undefined, 60_000), 'spent');
  });

  it('asks the portal once for a token shared through the store', async () => {
    const store = memoryStore({ now: Date.now });
    let requests = 0;
    let answer: (token: PortalToken) => void = () => undefined;
    const fetchToken = () => {
      requests += 1;
      return new Promise<PortalToken>((resolve) => (answer = resolve));
    };
    const one = sharedTokens({ store, fetchToken, now: Date.now, waitMs: 5000 });
    const two = sharedTokens({ store, fetchToken, now: Date.now, waitMs: 5000 });
    const first = one.fetch();
    const second = two.fetch();
    while (requests === 0) await new Promise((resolve) => setImmediate(resolve));
    answer({ accessToken: 'tok-1', tokenType: 'Bearer', expiresIn: 3600 });
    const tokens = await Promise.all([first, second]);
    assert.deepEqual(
      tokens.map((t) => t.accessToken),
      ['tok-1', 'tok-1'],
    );
    assert.equal(requests, 1);
    two.forget('tok-1');
    while (store.get('guest-token') !== undefined) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
});
