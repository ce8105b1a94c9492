/**
 * The `Store` in this process's memory: what one instance needs, and what a shared store's
 * counters fall back to while it is unreachable. Bounded: at most `maxEntries` keys; when full,
 * expired keys go first, then the oldest.
 */
import type { Store, WindowCount } from './store.js';

interface Entry {
  value: string;
  count: number;
  expiresAt: number;
}

export function memoryStore(options: { now: () => number; maxEntries?: number }): Store {
  const { now } = options;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, Entry>();

  function live(key: string, at: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > at) return entry;
    if (entry) entries.delete(key);
    return undefined;
  }

  function put(key: string, entry: Entry, at: number): void {
    entries.delete(key);
    if (entries.size >= maxEntries) {
      for (const [old, { expiresAt }] of entries) {
        if (expiresAt <= at || entries.size >= maxEntries) entries.delete(old);
        if (entries.size < maxEntries && expiresAt > at) break;
      }
    }
    entries.set(key, entry);
  }

  return {
    hit(key, windowMs): WindowCount {
      const at = now();
      const entry = live(key, at);
      if (entry) {
        entry.count += 1;
        return { count: entry.count, resetInMs: entry.expiresAt - at };
      }
      put(key, { value: '', count: 1, expiresAt: at + windowMs }, at);
      return { count: 1, resetInMs: windowMs };
    },
    claim(key, value, ttlMs) {
      const at = now();
      const entry = live(key, at);
      if (entry) return entry.value;
      put(key, { value, count: 0, expiresAt: at + ttlMs }, at);
      return undefined;
    },
    get: (key) => live(key, now())?.value,
    set(key, value, ttlMs) {
      const at = now();
      put(key, { value, count: 0, expiresAt: at + ttlMs }, at);
    },
    delete(key) {
      entries.delete(key);
    },
    status: () => 'memory',
  };
}
