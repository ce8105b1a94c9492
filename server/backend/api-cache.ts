/**
 * In-memory cache of proxied GET answers, keyed by path + query, with single flight: while one
 * upstream request for a key runs, every identical request waits for it (1,000 visitors asking for
 * insurances at once make one upstream request). Only 200 answers are stored, for `ttlMs`; errors
 * and other statuses are shared with the requests waiting at that moment, never stored. Memory is
 * bounded by entry count and bytes; the oldest entries go first.
 */

/** An upstream answer as the proxy passes it on. */
export interface UpstreamAnswer {
  status: number;
  /** The upstream headers the proxy passes through (content type, rate-limit headers). */
  headers: readonly (readonly [string, string])[];
  body: Uint8Array;
}

export type CacheSource = 'hit' | 'miss' | 'shared';

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
  entries: number;
  bytes: number;
}

export interface ApiCache {
  get(key: string, ttlMs: number, load: () => Promise<UpstreamAnswer>): Promise<CacheResult>;
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
  const counts = { hit: 0, miss: 0, shared: 0 };
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
      if (entry) drop(key);
      const running = flights.get(key);
      if (running) {
        counts.shared += 1;
        return result(await running, 'shared');
      }
      counts.miss += 1;
      const flight = load()
        .then((answer) => store(key, answer, ttlMs))
        .finally(() => flights.delete(key));
      flights.set(key, flight);
      return result(await flight, 'miss');
    },
    forget(matches) {
      for (const key of [...entries.keys()]) if (matches(key)) drop(key);
    },
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
