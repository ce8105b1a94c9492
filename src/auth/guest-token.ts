/**
 * Guest access tokens (client_credentials, scope `basic`) from the clinic's token server, which
 * holds the client secret. The token server is not the portal: its request goes through
 * `fetchOnce` in `api/http.ts` (so `fetch` is still called in one file only) without the
 * portal's retry and 401 rules. Tokens live in memory only, never in storage.
 */
import { ApiError, ERROR_CODES } from '../api/errors.js';
import { fetchOnce } from '../api/http.js';

export interface GuestTokenSource {
  /**
   * A valid token; `forceRefresh` drops the cached one (after a 401), and `refused`, the token
   * the portal refused, is handed to the token server so it drops it from its cache too.
   */
  getToken(options: { forceRefresh: boolean; refused?: string }): Promise<string>;
  /**
   * Starts fetching a token now, so it is ready for the first API call. If it fails, the callers
   * that joined it ask once more: a prefetch error is never anyone's answer.
   */
  prefetch(): void;
  /** Forgets the token (and ignores a request still under way). */
  clear(): void;
}

export interface GuestTokenOptions {
  /** The token server's guest endpoint: POST → `{access_token, token_type, expires_in}`. */
  tokenUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Per request, default 15 000. */
  timeoutMs?: number;
}

/** Renew this long before expiry, so a token does not run out between check and use. */
export const EXPIRY_MARGIN_MS = 30_000;

/** Assumed lifetime (seconds) when the answer has no usable `expires_in`. */
export const DEFAULT_LIFETIME_S = 300;

interface Cached {
  token: string;
  refreshAt: number;
}

function fail(message: string, status?: number): ApiError {
  return new ApiError(`token server: ${message}`, ERROR_CODES.tokenServer, status);
}

/** Validates the token server's answer; `expires_in` is seconds. */
function readToken(json: unknown, fetchedAt: number): Cached {
  if (typeof json !== 'object' || json === null) throw fail('answer is not a JSON object');
  const {
    access_token: token,
    token_type: type,
    expires_in: expiresIn,
  } = json as Record<string, unknown>;
  if (typeof token !== 'string' || token === '') throw fail('no access_token');
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'bearer')) {
    throw fail(`token_type ${String(type)} is not Bearer`);
  }
  // Without a usable lifetime: keep it briefly; a 401 would force a new one anyway.
  const seconds =
    typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
  const lifetime = (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_LIFETIME_S) * 1000;
  // Short-lived tokens: renew at half their life rather than right away.
  return { token, refreshAt: fetchedAt + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 2) };
}

export function createGuestTokenSource(options: GuestTokenOptions): GuestTokenSource {
  const now = options.now ?? Date.now;
  let cached: Cached | null = null;
  let flight: Promise<string> | null = null;
  let prefetched: Promise<string> | null = null;
  let generation = 0;

  async function requestToken(refused?: string): Promise<Cached> {
    const fetchedAt = now();
    let response;
    try {
      response = await fetchOnce(
        options.tokenUrl,
        // The header makes it a CORS preflighted request: the token server refuses plain form posts.
        // A refused token goes back so the token server drops it from its cache too.
        {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'X-Patient-Booking': '1',
            ...(refused ? { 'X-Refused-Token': refused } : {}),
          },
        },
        { fetch: options.fetch, timeoutMs: options.timeoutMs },
      );
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error));
    }
    if (response.status < 200 || response.status >= 300) {
      throw fail(`answered ${response.status}`, response.status);
    }
    return readToken(response.json, fetchedAt);
  }

  function start(refused?: string): Promise<string> {
    const mine = generation;
    const promise = requestToken(refused).then(
      (result) => {
        if (mine === generation) {
          cached = result;
          flight = null;
        }
        return result.token;
      },
      (error: unknown) => {
        if (mine === generation) flight = null;
        throw error;
      },
    );
    flight = promise;
    return promise;
  }

  const fresh = () => (cached !== null && now() < cached.refreshAt ? cached.token : null);

  return {
    getToken({ forceRefresh, refused }) {
      if (forceRefresh) cached = null;
      const token = fresh();
      if (token !== null) return Promise.resolve(token);
      const ask = () => flight ?? start(forceRefresh ? refused : undefined);
      // Parallel callers (forced or not) share one request. A failed prefetch has already
      // cleared `flight` when its joiners' `catch` runs: the first starts a new request, the
      // rest share it.
      if (flight !== null && flight === prefetched) return flight.catch(ask);
      return ask();
    },
    prefetch() {
      if (fresh() !== null || flight) return;
      prefetched = start();
      prefetched.catch(() => {}); // its joiners ask again (see getToken)
    },
    clear() {
      cached = null;
      flight = null;
      generation += 1;
    },
  };
}
