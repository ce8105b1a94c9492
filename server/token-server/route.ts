import type { Awaitable, PlainRequest, Reply } from './exchange.js';

/** What a route sees once the shared gate (origin, rate limit, method, header, body size) has passed. */
export interface RouteContext {
  request: PlainRequest;
  /** The request body, already read and no larger than the route's `maxBodyBytes`. */
  body: Uint8Array;
  /** Adds `key=value` to this request's log line. Never pass tokens, codes, secrets or bodies. */
  note(key: string, value: string): void;
}

/** Which per-client-IP budget a route spends (see `rate-limit.ts`). */
export type RouteBudget = 'token' | 'proxy';

/** One path of the server. The router in `handler.ts` maps paths to routes. */
export interface Route {
  /** Methods the route answers besides the CORS preflight (`OPTIONS`, handled by the gate). */
  methods: readonly string[];
  /** Larger bodies get 413 before the route runs. */
  maxBodyBytes: number;
  /**
   * Whether the gate demands `X-Patient-Booking: 1`. Default true. Only `/oauth/token` opts out:
   * oidc-client-ts cannot add the header, so that route leans on the `Origin` check instead.
   */
  clientHeader?: boolean;
  /** `Access-Control-Allow-Headers` of the preflight. Default `Content-Type, X-Patient-Booking`. */
  allowHeaders?: string;
  budget: RouteBudget;
  /** May answer synchronously (see `Awaitable`). */
  handle(context: RouteContext): Awaitable<Reply>;
}
