import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenServerConfig } from './config.js';
import { TOKEN_SERVER_ERRORS, errorResponse } from './errors.js';
import type { TokenServer, TokenServerDeps, TokenServerStats } from './handler.js';
import { createTokenServer } from './handler.js';

export interface StartedTokenServer {
  /** e.g. `http://localhost:4020` (no trailing slash). */
  url: string;
  /** The handler's counters (upstream requests, proxy cache, rate-limit refusals). */
  stats(): TokenServerStats;
  close(): Promise<void>;
}

/**
 * The adapter buffers at most this much of a request body (more than any route accepts) and hands
 * it to the handler, which answers 413 by its per-route limit; the rest is discarded unread.
 */
const ADAPTER_MAX_BODY_BYTES = 64 * 1024;

/** Starts the token server on node:http. `port` 0 (the default) picks a free port. */
export async function startTokenServer(
  config: TokenServerConfig & { port?: number; host?: string },
  deps: TokenServerDeps = {},
): Promise<StartedTokenServer> {
  const server = createTokenServer(config, deps);
  const http = createServer((req, res) => {
    serve(server, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port ?? 0, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    stats: () => server.stats(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeAllConnections();
      }),
  };
}

/** node:http request → web `Request` → handler → node:http response. */
async function serve(
  server: TokenServer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let response: Response;
  try {
    // The TCP peer: the client itself, or the reverse proxy in front (see TRUST_PROXY).
    const clientIp = req.socket.remoteAddress;
    response = await server.handle(await toRequest(req), clientIp ? { clientIp } : {});
  } catch {
    const message = 'The token server failed unexpectedly.';
    response = errorResponse(500, TOKEN_SERVER_ERRORS.internal, message);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304) {
    headers['content-length'] = String(body.byteLength);
  }
  res.writeHead(response.status, headers);
  res.end(body);
  req.resume(); // discard whatever is left of the request body
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  // Only the path comes from the client; the host part is fixed, so no Host header can spoof it.
  const path = req.url?.startsWith('/') ? req.url : '/';
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (method !== 'GET' && method !== 'HEAD' && declared <= ADAPTER_MAX_BODY_BYTES) {
    init.body = await readSome(req, ADAPTER_MAX_BODY_BYTES);
  }
  return new Request(`http://localhost${path}`, init);
}

/** Up to `limit + 1` bytes of the body: enough for the handler to see that it is too large. */
async function readSome(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    size += buffer.byteLength;
    if (size > limit) break;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, limit + 1));
}
