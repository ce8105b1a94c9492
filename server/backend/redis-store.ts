/**
 * The `Store` on Redis (`ioredis`), shared by every instance: `REDIS_URL`. Commands never queue
 * while Redis is unreachable: counters and tokens then use this instance's memory (per-instance
 * limits, said once in the log and by `status()`), and `claim` (spent proofs) rejects, so no
 * replay gets through (`fallback-store.ts`). The client reconnects by itself. The URL (it may
 * carry a password) is never logged.
 */
import { Redis } from 'ioredis';
import { fallbackStore } from './fallback-store.js';
import { memoryStore } from './memory-store.js';
import type { Store } from './store.js';

export interface RedisStore extends Store {
  /** Resolves once connected, or after `timeoutMs` either way (the backend starts regardless). */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** INCR with the window's expiry set by its first hit; answers the count and the time left. */
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export function redisStore(options: {
  url: string;
  now: () => number;
  warn: (line: string) => void;
}): RedisStore {
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  });
  // Up while connected; a failed command (a timeout) falls back for itself only.
  const up = () => client.status === 'ready';
  let said = false;
  const mark = (reachable: boolean, why: string) => {
    if (reachable === said) return;
    said = reachable;
    options.warn(
      reachable
        ? 'backend: store Redis reachable: limits, spent proofs and tokens are shared'
        : `backend: store Redis unreachable (${why}): limits are per instance, guest bookings refused`,
    );
  };
  client.on('ready', () => mark(true, ''));
  client.on('error', (error: Error & { code?: string }) => mark(false, error.code ?? error.name));
  client.on('close', () => mark(false, 'closed'));

  const store = fallbackStore(
    {
      async hit(key, windowMs) {
        const [count, ttl] = (await client.eval(HIT, 1, key, windowMs)) as [number, number];
        return { count, resetInMs: ttl > 0 ? ttl : windowMs };
      },
      async claim(key, value, ttlMs) {
        const held = await client.call('SET', key, value, 'PX', String(ttlMs), 'NX', 'GET');
        return typeof held === 'string' ? held : undefined;
      },
      get: async (key) => (await client.get(key)) ?? undefined,
      set: async (key, value, ttlMs) => void (await client.set(key, value, 'PX', ttlMs)),
      delete: async (key) => void (await client.del(key)),
    },
    memoryStore({ now: options.now }),
    { up, down: (why) => mark(up(), why) },
  );
  return {
    ...store,
    ready: (timeoutMs) =>
      up()
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(up()), timeoutMs);
            client.once('ready', () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    close: async () => {
      client.disconnect();
    },
  };
}
