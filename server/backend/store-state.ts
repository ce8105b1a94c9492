/**
 * Where one practice's state lives: without a store, in this process's memory as it always has
 * (`rate-limit.ts`, `spent-proofs.ts`, `token-cache.ts`); with a `Store` (Redis, a Durable
 * Object), there, shared by every instance: rate-limit windows and booking budgets, spent proofs
 * (and so the idempotent retry of a booking with its proof, on any instance), the guest token.
 */
import type { LimiterFactory } from './booking-budgets.js';
import type { PortalToken } from './portal-token.js';
import { createRateLimiter } from './rate-limit.js';
import { sharedTokens } from './shared-token.js';
import type { SpentProofs } from './spent-proofs.js';
import { memorySpentProofs, storeSpentProofs } from './spent-proofs.js';
import type { Store } from './store.js';
import { keyedHash } from './keyed-hash.js';
import { storeRateLimiter } from './store-rate-limit.js';
import type { TokenCache } from './token-cache.js';
import { createTokenCache } from './token-cache.js';

export interface BackendState {
  limiter: LimiterFactory;
  spentProofs: SpentProofs;
  tokens(fetchToken: () => Promise<PortalToken>): TokenCache;
}

export function backendState(options: {
  store: Store | undefined;
  /** Keys the client addresses in the store's key names (`POW_HMAC_KEY`: the same everywhere). */
  keySecret: string;
  now: () => number;
  /** How long an instance waits for another's guest token request (the upstream timeout). */
  tokenWaitMs: number;
}): BackendState {
  const { store, now } = options;
  if (!store) {
    return {
      limiter: (_name, limit, windowMs) => createRateLimiter({ limit, windowMs, now }),
      spentProofs: memorySpentProofs({ now }),
      tokens: (fetchToken) => createTokenCache(fetchToken, now),
    };
  }
  const hashKey = keyedHash(`rate-limit:${options.keySecret}`);
  return {
    limiter: (name, limit, windowMs) => storeRateLimiter({ limit, windowMs, store, name, hashKey }),
    spentProofs: storeSpentProofs(store, now),
    tokens(fetchToken) {
      const shared = sharedTokens({ store, fetchToken, now, waitMs: options.tokenWaitMs });
      return createTokenCache(shared.fetch, now, shared.forget);
    },
  };
}
