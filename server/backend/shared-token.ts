/**
 * The guest token shared through a `Store`: one upstream request per token lifetime for all the
 * instances that share the store. The first instance to miss takes a short lock and asks the
 * portal; the others wait for its token in the store (a lock left by a dead instance expires
 * after `waitMs`, and then each asks for itself). Without the store (unreachable) each instance
 * asks for its own, as a single process does.
 */
import type { PortalToken } from './portal-token.js';
import type { Store } from './store.js';
import { refreshMarginMs } from './token-cache.js';

const TOKEN = 'guest-token';
const LOCK = 'guest-token-lock';
const POLL_MS = 20;

export interface SharedTokens {
  /** A token from the store, or from the portal (then stored for the others). */
  fetch(): Promise<PortalToken>;
  /** The portal refused `accessToken`: take it out of the store if it is still there. */
  forget(accessToken: string): void;
}

interface Stored {
  accessToken: string;
  expiresAt: number;
}

export function sharedTokens(options: {
  store: Store;
  fetchToken: () => Promise<PortalToken>;
  now: () => number;
  waitMs: number;
}): SharedTokens {
  const { store, fetchToken, now, waitMs } = options;

  async function stored(): Promise<PortalToken | undefined> {
    const raw = await store.get(TOKEN);
    if (raw === undefined) return undefined;
    const { accessToken, expiresAt } = JSON.parse(raw) as Stored;
    const expiresIn = (expiresAt - now()) / 1000;
    return expiresIn > 1 ? { accessToken, tokenType: 'Bearer', expiresIn } : undefined;
  }

  async function fromPortal(): Promise<PortalToken> {
    const sentAt = now();
    const token = await fetchToken();
    const lifetimeMs = token.expiresIn * 1000;
    const keepMs = lifetimeMs - refreshMarginMs(lifetimeMs) - (now() - sentAt);
    const value: Stored = { accessToken: token.accessToken, expiresAt: sentAt + lifetimeMs };
    if (keepMs > 0) await store.set(TOKEN, JSON.stringify(value), keepMs);
    return token;
  }

  async function claimed(): Promise<boolean> {
    try {
      return (await store.claim(LOCK, String(now()), waitMs)) === undefined;
    } catch {
      return true; // no shared store: this instance asks for its own
    }
  }

  return {
    async fetch() {
      const hit = await stored();
      if (hit) return hit;
      if (await claimed()) {
        try {
          return await fromPortal();
        } finally {
          await store.delete(LOCK);
        }
      }
      for (let waited = 0; waited < waitMs; waited += POLL_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const token = await stored();
        if (token) return token;
      }
      return fromPortal();
    },
    forget(accessToken) {
      void (async () => {
        const raw = await store.get(TOKEN);
        if (raw !== undefined && (JSON.parse(raw) as Stored).accessToken === accessToken) {
          await store.delete(TOKEN);
        }
      })().catch(() => undefined);
    },
  };
}
