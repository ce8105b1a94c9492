/**
 * Fixed-window request budget per key (client IP), in memory. Memory is bounded: at most
 * `maxKeys` windows; a new key first drops expired windows, then the oldest one. O(1) per hit
 * (amortized: each window is dropped at most once).
 */

export type RateDecision =
  { allowed: true } | { allowed: false; limit: number; retryAfterSeconds: number };

export interface RateLimiter {
  /** False when the limit is 0: `hit` always allows, so callers may skip finding the key. */
  readonly enabled: boolean;
  /** Counts one request of `key` and says whether it is within the budget. */
  hit(key: string): RateDecision;
  /** Windows currently held (for tests of the memory bound). */
  size(): number;
  /** Requests refused since start. */
  refusals(): number;
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

interface Window {
  startedAt: number;
  count: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  // Insertion order is window start order: a renewed window is deleted and inserted again.
  const windows = new Map<string, Window>();
  let refused = 0;

  function evict(at: number): void {
    for (const [key, window] of windows) {
      if (windows.size < maxKeys) return;
      if (at - window.startedAt < windowMs) {
        windows.delete(key); // nothing expired: the oldest goes
        return;
      }
      windows.delete(key);
    }
  }

  return {
    enabled: limit > 0,
    hit(key) {
      if (limit <= 0) return ALLOWED;
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= windowMs) {
        windows.delete(key);
        evict(at);
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
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
