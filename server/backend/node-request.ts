/**
 * node:http's `IncomingMessage` as the handler's `PlainRequest`, without web objects: headers are
 * looked up in `rawHeaders`, the path is taken as sent when URL parsing could not change it, and
 * the body is read only when a route asks for it (not at all, and synchronously, when
 * `Content-Length` is 0).
 */
import type { IncomingMessage } from 'node:http';
import type { Awaitable, HeaderReader, PlainRequest } from './exchange.js';

const EMPTY = new Uint8Array(0);

/**
 * Targets that `new URL()` would leave as they are: no dot segments (`.`, `%2e`), nothing it
 * percent-encodes, no fragment. Anything else goes through `new URL()`.
 */
const PLAIN_TARGET = /^\/[\w~!$&'()*+,;=:@/-]*(?:\?[\w.~!$&()*+,;=:@/?%-]*)?$/;

/** One object per request: it is the request and its own header reader (no closures). */
export class NodeRequest implements PlainRequest, HeaderReader {
  readonly method: string;
  readonly path: string = '/';
  readonly search: string = '';
  readonly headers: HeaderReader = this;

  constructor(private readonly req: IncomingMessage) {
    this.method = req.method ?? 'GET';
    // Only the path and query come from the client: no Host header can change what is routed.
    const target = req.url ?? '';
    if (!target.startsWith('/')) return;
    if (!PLAIN_TARGET.test(target)) {
      const url = new URL(`http://localhost${target}`);
      this.path = url.pathname;
      this.search = url.search;
      return;
    }
    const query = target.indexOf('?');
    this.path = query < 0 ? target : target.slice(0, query);
    if (query >= 0 && query < target.length - 1) this.search = target.slice(query);
  }

  /** `Headers.get` semantics over node:http's raw name/value list. */
  get(name: string): string | null {
    const raw = this.req.rawHeaders;
    const wanted = name.toLowerCase();
    let found: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const value = raw[i + 1] as string;
      found = found === null ? value : `${found}, ${value}`;
    }
    return found;
  }

  /** At most `limit` bytes of the body; `null` when larger (by `Content-Length` or by reading). */
  readBody(limit: number): Awaitable<Uint8Array | null> {
    const declared = this.get('Content-Length');
    if (declared !== null && !(Number(declared) <= limit)) return null;
    const { method } = this;
    if (declared === '0' || method === 'GET' || method === 'HEAD') return EMPTY;
    return readSome(this.req, limit);
  }
}

async function readSome(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return size === 0 ? EMPTY : Buffer.concat(chunks, size);
}
