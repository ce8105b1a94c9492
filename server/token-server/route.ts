/** What a route sees once the shared gate (origin, custom header, method, body size) has passed. */
export interface RouteContext {
  request: Request;
  /** The request body, already read and no larger than the route's `maxBodyBytes`. */
  body: Uint8Array;
  /** Adds `key=value` to this request's log line. Never pass tokens, secrets or bodies. */
  note(key: string, value: string): void;
}

/** One path of the server. The router in `handler.ts` maps paths to routes. */
export interface Route {
  /** Methods the route answers besides the CORS preflight (`OPTIONS`, handled by the gate). */
  methods: readonly string[];
  /** Larger bodies get 413 before the route runs. */
  maxBodyBytes: number;
  handle(context: RouteContext): Promise<Response>;
}
