/**
 * The `Store` on Workers: a Durable Object (`StoreObject`, bound as `STATE`) holds the state that
 * every isolate and location shares, one object per practice (the key's `pb:<tenant>` part).
 * Each object runs one request at a time, so its operations are atomic: windows and the guest
 * token in its memory (an evicted object starts them afresh), spent proofs in its storage until
 * they expire (an alarm sweeps them). The Worker's side is `durableObjectStore`, with the
 * isolate's memory behind it for counters and tokens (`fallback-store.ts`).
 */
import { fallbackStore } from './fallback-store.js';
import type { SharedOps } from './fallback-store.js';
import { memoryStore } from './memory-store.js';
import type { Store, WindowCount } from './store.js';

/** The parts of the Workers runtime used here (no type package needed). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(url: string, init: RequestInit): Promise<Response> };
}
export interface DurableObjectStateLike {
  storage: {
    get<T>(key: string): Promise<T | undefined>;
    put(key: string, value: unknown): Promise<void>;
    delete(key: string): Promise<boolean>;
    list<T>(options: { prefix: string }): Promise<Map<string, T>>;
    getAlarm(): Promise<number | null>;
    setAlarm(at: number): Promise<void>;
  };
}

type Op = { [K in keyof SharedOps]: { op: K; args: Parameters<SharedOps[K]> } }[keyof SharedOps];
interface Claim {
  value: string;
  expiresAt: number;
}
const SWEEP_MS = 600_000;

export class StoreObject {
  private readonly memory = memoryStore({ now: Date.now });
  constructor(private readonly state: DurableObjectStateLike) {}

  async fetch(request: Request): Promise<Response> {
    const result = await this.run((await request.json()) as Op);
    return Response.json({ result: result ?? null });
  }

  private run(op: Op): unknown {
    const memory = this.memory;
    switch (op.op) {
      case 'hit':
        return memory.hit(...op.args);
      case 'claim':
        return this.claim(...op.args);
      case 'get':
        return memory.get(...op.args);
      case 'set':
        return memory.set(...op.args);
      case 'delete':
        return memory.delete(...op.args);
    }
  }

  private async claim(key: string, value: string, ttlMs: number): Promise<string | undefined> {
    const { storage } = this.state;
    const held = await storage.get<Claim>(`claim:${key}`);
    if (held && held.expiresAt > Date.now()) return held.value;
    await storage.put(`claim:${key}`, { value, expiresAt: Date.now() + ttlMs });
    if ((await storage.getAlarm()) === null) await storage.setAlarm(Date.now() + SWEEP_MS);
    return undefined;
  }

  async alarm(): Promise<void> {
    const { storage } = this.state;
    for (const [key, claim] of await storage.list<Claim>({ prefix: 'claim:' })) {
      if (claim.expiresAt <= Date.now()) await storage.delete(key);
    }
    if ((await storage.list({ prefix: 'claim:' })).size > 0) {
      await storage.setAlarm(Date.now() + SWEEP_MS);
    }
  }
}

/** After a failed call, the isolate's memory serves counters and tokens for this long. */
const RETRY_AFTER_MS = 5000;

export function durableObjectStore(namespace: DurableObjectNamespaceLike): Store {
  let failedAt = -Infinity;
  const call = async (op: Op) => {
    const shard = op.args[0].split(':').slice(0, 2).join(':');
    const stub = namespace.get(namespace.idFromName(shard));
    const response = await stub.fetch('https://store/', {
      method: 'POST',
      body: JSON.stringify(op),
    });
    if (!response.ok) throw new Error(`store object: ${response.status}`);
    return ((await response.json()) as { result: unknown }).result;
  };
  const shared: SharedOps = {
    hit: async (...args) => (await call({ op: 'hit', args })) as WindowCount,
    claim: async (...args) => ((await call({ op: 'claim', args })) as string | null) ?? undefined,
    get: async (...args) => ((await call({ op: 'get', args })) as string | null) ?? undefined,
    set: async (...args) => void (await call({ op: 'set', args })),
    delete: async (...args) => void (await call({ op: 'delete', args })),
  };

  return fallbackStore(shared, memoryStore({ now: Date.now }), {
    up: () => Date.now() - failedAt > RETRY_AFTER_MS,
    down: (why) => {
      failedAt = Date.now();
      console.error(`backend: store object unreachable (${why}): limits per isolate for now`);
    },
  });
}
