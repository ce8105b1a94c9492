/**
 * The handler's own view of a request and of its answer: just what it reads and writes. A web
 * `Request` maps onto it (`fromRequest`) and its `FinalReply` onto a web `Response`
 * (`toResponse`); the Node adapter maps node:http onto it directly, with no web objects and no body
 * stream per request.
 */
import { readRequestBody } from './body.js';

/**
 * A value or a promise of it. The handler answers synchronously when it can (a cached token for a
 * bodiless request): no promise, no microtask between request and response. Callers `await` it or
 * test `instanceof Promise`, so an asynchronous answer must be a native promise.
 */
export type Awaitable<T> = T | Promise<T>;

/** Case-insensitive header lookup; repeated headers come back joined by `, ` (as `Headers.get`). */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface PlainRequest {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The URL path, e.g. `/token`. */
  path: string;
  /** The query string with its `?`, or `''`. */
  search: string;
  headers: HeaderReader;
  /**
   * The body, at most `limit` bytes, or `null` when it is larger (judged by `Content-Length` when
   * sent). Called at most once, and only when a route will use the body.
   */
  readBody(limit: number): Awaitable<Uint8Array | null>;
}

/**
 * A route's answer as plain data. Replies may share a `headers` object: never mutate one. A frozen
 * `headers` object is a constant, and the handler caches what it builds from it.
 */
export interface Reply {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** `null` for no body; strings are sent as UTF-8. */
  body: string | Uint8Array | null;
}

/**
 * The handler's final answer. Its headers are a flat `[name, value, name, value, …]` list (the
 * form of node:http's `rawHeaders`, which `res.writeHead` takes as is); the list may be shared
 * between answers, so copy it before adding to it.
 */
export interface FinalReply {
  status: number;
  headers: readonly string[];
  body: string | Uint8Array | null;
}

export function fromRequest(request: Request): PlainRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname,
    search: url.search,
    headers: request.headers,
    readBody: (limit) => readRequestBody(request, limit),
  };
}

export function toResponse(reply: FinalReply): Response {
  const headers = new Headers();
  const list = reply.headers;
  for (let i = 0; i + 1 < list.length; i += 2)
    headers.append(list[i] as string, list[i + 1] as string);
  const { body } = reply;
  // A copy: a cached body must not become (and be consumed as) the response's own buffer.
  const init = body === null || typeof body === 'string' ? body : body.slice();
  return new Response(init, { status: reply.status, headers });
}
