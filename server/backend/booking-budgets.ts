/**
 * How often guests may book: per client IP, per email address and per slot, each a fixed window
 * (`rate-limit.ts`). Counted for every guest booking that passed the proof of work, whatever the
 * portal then answers. The address is kept only as a keyed hash (HMAC-SHA-256 with the proof's
 * key): never stored, logged or compared in the clear.
 */
import type { BookingLimitsConfig } from './config.js';
import { keyedHash } from './keyed-hash.js';
import { createRateLimiter } from './rate-limit.js';
import type { RateLimiter } from './rate-limit.js';

/** Which budget refused a booking (for the log line). */
export type BookingBudget = 'ip' | 'email' | 'slot';

export type BudgetDecision =
  { allowed: true } | { allowed: false; budget: BookingBudget; retryAfterSeconds: number };

/** What a guest booking is counted by; absent parts are not counted. */
export interface BookingKeys {
  client?: string;
  email?: string;
  slot?: string;
}

export interface BookingBudgets {
  hit(keys: BookingKeys): Promise<BudgetDecision>;
  /** Bookings refused since start. */
  refusals(): number;
}

/** Window lengths, in seconds: the limits are the operator's (`BOOKING_*_LIMIT`), these are fixed. */
export const BOOKING_WINDOWS = { ip: 3600, email: 86_400, slot: 600 } as const;

/** Makes the limiter of one budget (`name`); default: in this process's memory. */
export type LimiterFactory = (name: string, limit: number, windowMs: number) => RateLimiter;

export function createBookingBudgets(options: {
  limits: BookingLimitsConfig;
  hmacKey: string;
  now: () => number;
  limiter?: LimiterFactory;
}): BookingBudgets {
  const { limits, now } = options;
  const make: LimiterFactory =
    options.limiter ?? ((_name, limit, windowMs) => createRateLimiter({ limit, windowMs, now }));
  const limiter = (name: BookingBudget, limit: number): RateLimiter =>
    make(`booking-${name}`, limit, BOOKING_WINDOWS[name] * 1000);
  const budgets: Record<BookingBudget, RateLimiter> = {
    ip: limiter('ip', limits.perIp),
    email: limiter('email', limits.perEmail),
    slot: limiter('slot', limits.perSlot),
  };
  const emailKey = keyedHash(`booking-email:${options.hmacKey}`);
  let refused = 0;
  return {
    async hit(keys) {
      const email =
        keys.email !== undefined && budgets.email.enabled
          ? await emailKey(keys.email.trim().toLowerCase())
          : undefined;
      const checks: Array<[BookingBudget, string | undefined]> = [
        ['ip', keys.client],
        ['email', email],
        ['slot', keys.slot],
      ];
      for (const [budget, key] of checks) {
        if (key === undefined) continue;
        const decision = await budgets[budget].hit(key);
        if (!decision.allowed) {
          refused += 1;
          return { allowed: false, budget, retryAfterSeconds: decision.retryAfterSeconds };
        }
      }
      return { allowed: true };
    },
    refusals: () => refused,
  };
}
