/**
 * Fixed-window request budget per key (client IP), in memory. Memory is bounded: at most
 * `maxKeys` windows (plus one). A new key first drops expired windows; when every window still
 * runs, new keys share one overflow window, and no running window is ever dropped. O(1) per hit
 * (amortized: each window is dropped at most once).
 */

import type { Awaitable } from './exchange.js';

export type RateDecision =
  { allowed: true } | { allowed: false; limit: number; retryAfterSeconds: number };

export interface RateLimiter {
  /** False when the limit is 0: `hit` always allows, so callers may skip finding the key. */
  readonly enabled: boolean;
  /**
   * Counts one request of `key` and says whether it is within the budget: at once in memory, a
   * promise on a shared store (`store-rate-limit.ts`).
   */
  hit(key: string): Awaitable<RateDecision>;
  /** Requests refused since start. */
  refusals(): number;
}

/** The in-memory limiter answers at once. */
export interface MemoryRateLimiter extends RateLimiter {
  hit(key: string): RateDecision;
  /** Windows currently held (for tests of the memory bound). */
  size(): number;
}

export interface RateLimiterOptions {
  /** Requests per window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  now: () => number;
  /** Default 10 000. */
  maxKeys?: number;
}

const ALLOWED: RateDecision = Object.freeze({ allowed: true });
/** The shared window of new clients while the table is full of running windows. */
const OVERFLOW = '\u0000overflow';

interface Window {
  startedAt: number;
  count: number;
}

export function createRateLimiter(options: RateLimiterOptions): MemoryRateLimiter {
  const { limit, windowMs, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  // Insertion order is window start order: a renewed window is deleted and inserted again.
  const windows = new Map<string, Window>();
  let refused = 0;

  /**
   * Makes room by dropping expired windows (oldest first); true when there is room. A window
   * still running is never dropped: a client rotating through many addresses (or /64s) must not
   * push its own window out and start afresh.
   */
  function makeRoom(at: number): boolean {
    for (const [key, window] of windows) {
      if (windows.size < maxKeys) return true;
      if (at - window.startedAt < windowMs) return false;
      windows.delete(key);
    }
    return windows.size < maxKeys;
  }

  return {
    enabled: limit > 0,
    hit(key) {
      if (limit <= 0) return ALLOWED;
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= windowMs) {
        windows.delete(key);
        // No room: every new client of this window shares one budget until windows expire.
        const slot = makeRoom(at) ? key : OVERFLOW;
        window = windows.get(slot);
        if (!window || at - window.startedAt >= windowMs) {
          windows.delete(slot);
          window = { startedAt: at, count: 0 };
          windows.set(slot, window);
        }
      }
      window.count += 1;
      if (window.count <= limit) return ALLOWED;
      refused += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000));
      return { allowed: false, limit, retryAfterSeconds };
    },
    size: () => windows.size,
    refusals: () => refused,
  };
}
