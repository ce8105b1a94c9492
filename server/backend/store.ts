/**
 * The state that instances of the backend share (rate-limit windows, spent proofs of work, the
 * guest token), behind one small interface: `memory-store.ts` for one process, `redis-store.ts`
 * for many (Node), a Durable Object on Workers. Keys are plain strings; `scopedStore` gives each
 * practice (tenant) its own prefix. Every method may reject when a shared store is unreachable:
 * callers decide whether to fall back (counters, tokens) or to refuse (spent proofs).
 */
import type { Awaitable } from './exchange.js';

/** A fixed window's count after this hit, and the time left in it (ms). */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** How the store is doing, for the health endpoint and the log. */
export type StoreStatus = 'memory' | 'shared' | 'degraded';

export interface Store {
  /** Counts one hit of `key` in a fixed window of `windowMs` that starts with its first hit. */
  hit(key: string, windowMs: number): Awaitable<WindowCount>;
  /**
   * Sets `key` to `value` for `ttlMs` if it holds nothing: `undefined` when it was set now,
   * else the value it already held (atomic across instances).
   */
  claim(key: string, value: string, ttlMs: number): Awaitable<string | undefined>;
  get(key: string): Awaitable<string | undefined>;
  set(key: string, value: string, ttlMs: number): Awaitable<void>;
  delete(key: string): Awaitable<void>;
  status(): StoreStatus;
}

/** The same store with every key under `prefix` (e.g. `pb:praxis-a:`). */
export function scopedStore(store: Store, prefix: string): Store {
  return {
    hit: (key, windowMs) => store.hit(prefix + key, windowMs),
    claim: (key, value, ttlMs) => store.claim(prefix + key, value, ttlMs),
    get: (key) => store.get(prefix + key),
    set: (key, value, ttlMs) => store.set(prefix + key, value, ttlMs),
    delete: (key) => store.delete(prefix + key),
    status: () => store.status(),
  };
}

/** A store that was reachable at start and is not now (the caller falls back or refuses). */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
