/**
 * Fixed-window budgets on a `Store`: the same `RateLimiter` as `rate-limit.ts`, with its windows
 * in the store, so a limit holds across every instance that shares it (`store-state.ts`). A
 * shared store that is unreachable counts in this instance's memory meanwhile (its own fallback).
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
}): RateLimiter {
  const { limit, windowMs, store, name } = options;
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
      const counted = store.hit(`rl:${name}:${key}`, windowMs);
      return counted instanceof Promise ? counted.then(decide) : decide(counted);
    },
    refusals: () => refused,
  };
}
