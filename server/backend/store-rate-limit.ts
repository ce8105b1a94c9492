/**
 * Fixed-window budgets on a `Store`: the same `RateLimiter` as `rate-limit.ts`, with its windows
 * in the store, so a limit holds across every instance that shares it (`store-state.ts`). A
 * shared store that is unreachable counts in this instance's memory meanwhile (its own fallback).
 * A client's address is not written to the store as it is: its key name holds a keyed hash.
 */
import type { RateDecision, RateLimiter } from './rate-limit.js';
import type { Store } from './store.js';

const ALLOWED: RateDecision = Object.freeze({ allowed: true });

export function storeRateLimiter(options: {
  limit: number;
  windowMs: number;
  store: Store;
  /** Names the budget in the store's keys (`rl:api:`). */
  name: string;
  /** What the key (a client's address) becomes in the store's key names; default: itself. */
  hashKey?: (key: string) => Promise<string>;
}): RateLimiter {
  const { limit, windowMs, store, name } = options;
  const { hashKey } = options;
  let refused = 0;
  const decide = ({ count, resetInMs }: { count: number; resetInMs: number }): RateDecision => {
    if (count <= limit) return ALLOWED;
    refused += 1;
    return { allowed: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
  };
  return {
    enabled: limit > 0,
    hit(key) {
      if (limit <= 0) return ALLOWED;
      const count = (id: string) => {
        const counted = store.hit(`rl:${name}:${id}`, windowMs);
        return counted instanceof Promise ? counted.then(decide) : decide(counted);
      };
      return hashKey ? hashKey(key).then(count) : count(key);
    },
    refusals: () => refused,
  };
}
