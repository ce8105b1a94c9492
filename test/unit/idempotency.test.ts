import { expect } from '@open-wc/testing';
import { newIdempotencyKey } from '../../src/api/idempotency.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** 100 keys: all different, all UUIDs v4. */
function expectRandomUuids(): void {
  const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
  expect(keys.size).to.equal(100);
  for (const key of keys) expect(key).to.match(UUID_V4);
}

describe('idempotency keys', () => {
  it('are random UUIDs v4', expectRandomUuids);

  it('are UUIDs v4 without crypto.randomUUID too (plain-http pages lack it)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expectRandomUuids();
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});
