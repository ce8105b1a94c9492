/**
 * A shared store with this instance's memory behind it: while the shared one is up, counters and
 * tokens go there; when it fails (or is known to be down), they use memory (per-instance limits)
 * and the status says `degraded`. `claim` (spent proofs, idempotency) never falls back: it
 * rejects with `StoreUnavailableError`, so no replay gets through.
 */
import type { Store } from './store.js';
import { StoreUnavailableError } from './store.js';

/** The shared store's own operations, each a promise that rejects when it cannot answer. */
export type SharedOps = {
  [K in Exclude<keyof Store, 'status'>]: (
    ...args: Parameters<Store[K]>
  ) => Promise<Awaited<ReturnType<Store[K]>>>;
};

export interface Liveness {
  /** Whether to try the shared store now. */
  up(): boolean;
  /** An operation failed: `why` is a short word for the log, never a URL or a secret. */
  down(why: string): void;
}

export function fallbackStore(shared: SharedOps, local: Store, liveness: Liveness): Store {
  async function either<T>(work: () => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (!liveness.up()) return fallback();
    try {
      return await work();
    } catch (error) {
      liveness.down(error instanceof Error ? error.name : 'error');
      return fallback();
    }
  }
  return {
    hit: (key, windowMs) =>
      either(
        () => shared.hit(key, windowMs),
        () => local.hit(key, windowMs),
      ),
    async claim(key, value, ttlMs) {
      if (!liveness.up()) throw new StoreUnavailableError('the shared store is unreachable');
      try {
        return await shared.claim(key, value, ttlMs);
      } catch (error) {
        liveness.down(error instanceof Error ? error.name : 'error');
        throw new StoreUnavailableError('the shared store is unreachable');
      }
    },
    get: (key) =>
      either(
        () => shared.get(key),
        () => local.get(key),
      ),
    set: (key, value, ttlMs) =>
      either(
        () => shared.set(key, value, ttlMs),
        () => local.set(key, value, ttlMs),
      ),
    delete: (key) =>
      either(
        () => shared.delete(key),
        () => local.delete(key),
      ),
    status: () => (liveness.up() ? 'shared' : 'degraded'),
  };
}
