/**
 * In-memory cache of proxied GET answers, keyed by path + query, with single flight: while one
 * upstream request for a key runs, every identical request waits for it (1,000 visitors asking for
 * insurances at once make one upstream request). Only 200 answers are stored, for `ttlMs`; errors
 * and other statuses are shared with the requests waiting at that moment, never stored. When the
 * portal is busy (429), failing (5xx) or unreachable, the last good answer is served instead, past
 * its time (`stale`). Memory is bounded by entry count and bytes; the oldest entries go first.
 */

/** An upstream answer as the proxy passes it on. */
export interface UpstreamAnswer {
  status: number;
  /** The upstream headers the proxy passes through (content type, rate-limit headers). */
  headers: readonly (readonly [string, string])[];
  body: Uint8Array;
}

export type CacheSource = 'hit' | 'miss' | 'shared' | 'stale';

export interface CacheResult {
  answer: UpstreamAnswer;
  source: CacheSource;
  /** Whole seconds the answer stays fresh from now; `undefined`: not cached, must not be cached. */
  freshSeconds: number | undefined;
}

export interface ApiCacheStats {
  hit: number;
  miss: number;
  shared: number;
  /** Old answers served because upstream was busy, failing or over a client's budget. */
  stale: number;
  entries: number;
  bytes: number;
}

export interface ApiCache {
  get(key: string, ttlMs: number, load: () => Promise<UpstreamAnswer>): Promise<CacheResult>;
  /** True when `get(key)` would ask upstream now: nothing fresh, and no request running. */
  wouldLoad(key: string): boolean;
  /** The last good answer of `key`, however old (for when upstream cannot be asked). */
  stale(key: string): CacheResult | undefined;
  /** Forgets every stored answer whose key `matches` (a running request still shares its answer). */
  forget(matches: (key: string) => boolean): void;
  stats(): ApiCacheStats;
}

export interface ApiCacheOptions {
  now: () => number;
  /** Default 1,000. */
  maxEntries?: number;
  /** Default 8 MiB; one answer over an eighth of it is not stored. */
  maxBytes?: number;
}

interface Entry {
  answer: UpstreamAnswer;
  expiresAt: number;
  size: number;
}

export function createApiCache(options: ApiCacheOptions): ApiCache {
  const { now } = options;
  const maxEntries = options.maxEntries ?? 1000;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Promise<Entry | UpstreamAnswer>>();
  const counts = { hit: 0, miss: 0, shared: 0, stale: 0 };
  let bytes = 0;

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.size;
    entries.delete(key);
  }

  function store(key: string, answer: UpstreamAnswer, ttlMs: number): Entry | UpstreamAnswer {
    const size = answer.body.byteLength + key.length;
    if (answer.status !== 200 || ttlMs <= 0 || size > maxBytes / 8) return answer;
    drop(key);
    for (const oldest of entries.keys()) {
      if (entries.size < maxEntries && bytes + size <= maxBytes) break;
      drop(oldest);
    }
    const entry: Entry = { answer, expiresAt: now() + ttlMs, size };
    entries.set(key, entry);
    bytes += size;
    return entry;
  }

  /** An old answer: served, but nobody else may keep it. */
  function staleResult(answer: UpstreamAnswer): CacheResult {
    counts.stale += 1;
    return { answer, source: 'stale', freshSeconds: undefined };
  }

  function result(outcome: Entry | UpstreamAnswer, source: CacheSource): CacheResult {
    if (!('expiresAt' in outcome)) return { answer: outcome, source, freshSeconds: undefined };
    const freshSeconds = Math.max(0, Math.floor((outcome.expiresAt - now()) / 1000));
    return { answer: outcome.answer, source, freshSeconds };
  }

  return {
    async get(key, ttlMs, load) {
      const entry = entries.get(key);
      if (entry && now() < entry.expiresAt) {
        counts.hit += 1;
        return result(entry, 'hit');
      }
      // An expired entry stays until a good answer replaces it: served when upstream fails.
      const running = flights.get(key);
      if (running) {
        counts.shared += 1;
        return result(await running, 'shared');
      }
      counts.miss += 1;
      const flight = load()
        .then((answer) => {
          // Upstream busy (429) or in trouble (5xx): the last good answer, if there is one.
          const old = entries.get(key);
          if ((answer.status === 429 || answer.status >= 500) && old) return old.answer;
          return store(key, answer, ttlMs);
        })
        .catch((error: unknown) => {
          const old = entries.get(key);
          if (old) return old.answer;
          throw error;
        })
        .finally(() => flights.delete(key));
      flights.set(key, flight);
      const outcome = await flight;
      const stale = !('expiresAt' in outcome) && entries.get(key)?.answer === outcome;
      return stale ? staleResult(outcome) : result(outcome, 'miss');
    },
    wouldLoad(key) {
      const entry = entries.get(key);
      return !(entry && now() < entry.expiresAt) && !flights.has(key);
    },
    stale(key) {
      const entry = entries.get(key);
      return entry ? staleResult(entry.answer) : undefined;
    },
    forget(matches) {
      for (const key of [...entries.keys()]) if (matches(key)) drop(key);
    },
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
