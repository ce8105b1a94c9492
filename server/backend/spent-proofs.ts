/**
 * Which proofs of work have been used: each solution books once. Behind a small interface: the
 * process's memory, bounded, or a `Store` that several instances share (Redis `SET NX`).
 */
import type { Awaitable } from './exchange.js';
import type { Store } from './store.js';

/**
 * `fresh`: first use; `same`: used before under the same owner (the same booking sent again, e.g.
 * after a lost connection: its `Idempotency-Key`); `spent`: used before by another request.
 */
export type SpendResult = 'fresh' | 'same' | 'spent';

export interface SpentProofs {
  /** Marks proof `id` used by `owner` until `expiresAt` (ms; after that the proof is expired). */
  spend(id: string, owner: string | undefined, expiresAt: number): Awaitable<SpendResult>;
}

export interface MemorySpentProofs extends SpentProofs {
  /** Proofs held now (for tests of the bound). */
  size(): number;
}

interface Entry {
  owner: string | undefined;
  expiresAt: number;
}

/**
 * At most `maxEntries` proofs (default 100 000, some 15 MB). Entries go in spending order, which
 * is close to expiry order (every challenge lives equally long): each spend drops expired ones
 * from the front; when full of live ones the oldest goes, which a replay could then use only if
 * that many proofs were solved within one challenge lifetime.
 */
export function memorySpentProofs(options: {
  now: () => number;
  maxEntries?: number;
}): MemorySpentProofs {
  const { now } = options;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, Entry>();

  function sweep(at: number): void {
    for (const [id, entry] of entries) {
      if (entry.expiresAt > at && entries.size < maxEntries) return;
      entries.delete(id);
    }
  }

  return {
    spend(id, owner, expiresAt) {
      const at = now();
      sweep(at);
      const entry = entries.get(id);
      if (entry && entry.expiresAt > at) {
        return owner !== undefined && entry.owner === owner ? 'same' : 'spent';
      }
      entries.delete(id);
      entries.set(id, { owner, expiresAt });
      return 'fresh';
    },
    size: () => entries.size,
  };
}

/**
 * Spent proofs in a `Store` (`SET NX` on Redis): each solution books once across every instance
 * that shares it. An unreachable store rejects (`StoreUnavailableError`): the proof is refused,
 * never taken as fresh.
 */
export function storeSpentProofs(store: Store, now: () => number): SpentProofs {
  const decide = (held: string | undefined, owner: string | undefined): SpendResult =>
    held === undefined ? 'fresh' : owner !== undefined && held === owner ? 'same' : 'spent';
  return {
    spend(id, owner, expiresAt) {
      const ttlMs = Math.max(1, expiresAt - now());
      const held = store.claim(`proof:${id}`, owner ?? '', ttlMs);
      return held instanceof Promise ? held.then((h) => decide(h, owner)) : decide(held, owner);
    },
  };
}
