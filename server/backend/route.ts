import type { Awaitable, PlainRequest, Reply } from './exchange.js';

/** What a route sees once the shared gate (origin, rate limit, method, body size) has passed. */
export interface RouteContext {
  request: PlainRequest;
  /** The request body, already read and no larger than the route's `maxBodyBytes`. */
  body: Uint8Array;
  /** Adds `key=value` to this request's log line. Never pass tokens, codes, secrets or bodies. */
  note(key: string, value: string): void;
  /** The client's rate-limit key (its IP, `client-ip.ts`), or `undefined` when unknown. */
  clientKey(): string | undefined;
}

/** Which per-client-IP budget a route spends (see `rate-limit.ts`). */
export type RouteBudget = 'login' | 'api';

/** One path of the server. The router in `handler.ts` maps paths to routes. */
export interface Route {
  /** Methods the route answers besides the CORS preflight (`OPTIONS`, handled by the gate). */
  methods: readonly string[];
  /** Larger bodies get 413 before the route runs. */
  maxBodyBytes: number;
  /** `Access-Control-Allow-Headers` of the preflight. Default `Content-Type`. */
  allowHeaders?: string;
  budget: RouteBudget;
  /**
   * Readable by a page on any origin (public facts only, no credentials): a page the backend does
   * not serve still learns the practice's phone number, for the patient, and why it is refused.
   */
  anyOrigin?: boolean;
  /** May answer synchronously (see `Awaitable`). */
  handle(context: RouteContext): Awaitable<Reply>;
}
