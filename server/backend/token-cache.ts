import type { PortalToken } from './portal-token.js';

/** A token with its absolute expiry (ms since the epoch, on the cache's clock). */
export interface CachedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: number;
}

/** Where a token came from: the cache, a new upstream request, or another caller's request in flight. */
export type TokenSource = 'hit' | 'miss' | 'shared';

export interface TokenCache {
  /** A token valid for a while yet. Rejects with the upstream error; failures are not cached. */
  get(): Promise<{ token: CachedToken; source: TokenSource }>;
  /** The cached token if `get()` would answer with it at once (`hit`), else `undefined`. */
  peek(): CachedToken | undefined;
  /**
   * Drops the cached token if it is still `accessToken` (the portal refused it), so the next
   * `get()` fetches a new one. Many callers refused with the same token cause one new request.
   * `minAgeMs`: keep a token younger than this (a claim from a browser, not the portal's own
   * answer, must not let anyone force an upstream request per call).
   */
  invalidate(accessToken: string, minAgeMs?: number): void;
}

/** Refresh this long before expiry: 60 s, or 10 % of the lifetime when that is smaller. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

/**
 * Caches one token until shortly before it expires, and shares one upstream request between all
 * callers that arrive while it runs (single flight). The lifetime counts from when the request was
 * sent, so clock skew errs on the early side.
 */
export function createTokenCache(
  fetchToken: () => Promise<PortalToken>,
  now: () => number,
  /** Told when a refused token is dropped (a shared store drops it too). */
  onDrop?: (accessToken: string) => void,
): TokenCache {
  let cached: { token: CachedToken; refreshAt: number; fetchedAt: number } | undefined;
  let flight: Promise<CachedToken> | undefined;

  async function fetchAndStore(): Promise<CachedToken> {
    const sentAt = now();
    const fresh = await fetchToken();
    const lifetimeMs = fresh.expiresIn * 1000;
    const token: CachedToken = {
      accessToken: fresh.accessToken,
      tokenType: fresh.tokenType,
      expiresAt: sentAt + lifetimeMs,
    };
    cached = { token, refreshAt: token.expiresAt - refreshMarginMs(lifetimeMs), fetchedAt: now() };
    return token;
  }

  const peek = () => (cached && now() < cached.refreshAt ? cached.token : undefined);

  return {
    peek,
    async get() {
      const hit = peek();
      if (hit) return { token: hit, source: 'hit' };
      if (flight) return { token: await flight, source: 'shared' };
      flight = fetchAndStore().finally(() => {
        flight = undefined;
      });
      return { token: await flight, source: 'miss' };
    },
    invalidate(accessToken, minAgeMs = 0) {
      if (cached?.token.accessToken !== accessToken) return;
      if (now() - cached.fetchedAt < minAgeMs) return;
      cached = undefined;
      onDrop?.(accessToken);
    },
  };
}
