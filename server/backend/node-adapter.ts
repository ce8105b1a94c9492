import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendConfig } from './config.js';
import { BACKEND_ERRORS, errorReply } from './errors.js';
import type { Awaitable, FinalReply } from './exchange.js';
import type { Backend, BackendDeps, BackendStats } from './handler.js';
import { createBackend } from './handler.js';
import { NodeRequest } from './node-request.js';
import { capConnections, DEFAULT_CONNECTIONS_PER_IP } from './connection-cap.js';
import { parseTrustedProxies } from './trusted-proxies.js';

const { internal } = BACKEND_ERRORS;
const UNEXPECTED = 'The booking backend failed unexpectedly.';

export interface StartedBackend {
  /** e.g. `http://localhost:4020` (no trailing slash). */
  url: string;
  /** The handler's counters (upstream requests, API cache, rate-limit refusals). */
  stats(): BackendStats;
  close(): Promise<void>;
}

/**
 * Slow clients may not hold a connection for long: the whole request (headers and body) within
 * `requestTimeoutMs`, the headers within `headersTimeoutMs` (checked every second, not Node's
 * default 30 s); idle keep-alive connections close after 5 s.
 */
export interface NodeLimits {
  /** Default 15 000. */
  requestTimeoutMs?: number;
  /** Default 10 000. */
  headersTimeoutMs?: number;
  /** Open connections per client address (trusted proxies exempt). Default 64; 0: no cap. */
  connectionsPerIp?: number;
}

/** Starts the booking backend on node:http. `port` 0 (the default) picks a free port. */
export async function startBackend(
  config: BackendConfig & NodeOptions,
  deps: BackendDeps = {},
): Promise<StartedBackend> {
  const server = createBackend(config, deps);
  const started = await startServer(server, config);
  return { ...started, stats: () => server.stats() };
}

/** Where and how the Node server listens; `trustProxy` exempts proxies from the connection cap. */
export interface NodeOptions {
  port?: number;
  host?: string;
  limits?: NodeLimits;
  trustProxy?: readonly string[];
}

/** Serves any handler with `respond` (one practice's backend, or many tenants') on node:http. */
export async function startServer(
  server: Pick<Backend, 'respond'>,
  config: NodeOptions,
): Promise<Omit<StartedBackend, 'stats'>> {
  const limits = config.limits ?? {};
  const headersTimeout = limits.headersTimeoutMs ?? 10_000;
  const http = createServer(
    {
      requestTimeout: limits.requestTimeoutMs ?? 15_000,
      headersTimeout,
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    },
    (req, res) => serve(server, req, res),
  );
  capConnections(http, {
    perIp: limits.connectionsPerIp ?? DEFAULT_CONNECTIONS_PER_IP,
    exempt: parseTrustedProxies(config.trustProxy ?? []),
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeAllConnections();
      }),
  };
}

/** node:http request → the handler's plain request → its plain reply → node:http response. */
function serve(server: Pick<Backend, 'respond'>, req: IncomingMessage, res: ServerResponse): void {
  let answer: Awaitable<FinalReply>;
  try {
    // The TCP peer: the client itself, or the reverse proxy in front (see TRUST_PROXY).
    const clientIp = req.socket.remoteAddress;
    answer = server.respond(new NodeRequest(req), clientIp ? { clientIp } : {});
  } catch {
    answer = internalError();
  }
  if (!(answer instanceof Promise)) finish(req, res, answer);
  else {
    answer.then(
      (reply) => finish(req, res, reply),
      () => finish(req, res, internalError()),
    );
  }
}

function finish(req: IncomingMessage, res: ServerResponse, reply: FinalReply): void {
  try {
    write(res, reply);
    req.resume(); // discard whatever is left of the request body
  } catch {
    res.destroy();
  }
}

/** The 500 envelope, without CORS headers: the handler itself failed. */
function internalError(): FinalReply {
  const { status, headers, body } = errorReply(500, internal, UNEXPECTED);
  return { status, headers: Object.entries(headers).flat(), body };
}

/** `res.writeHead` with the reply's header list (copied) plus `Content-Length`, then the body. */
function write(res: ServerResponse, { status, headers, body }: FinalReply): void {
  const list = [...headers]; // a spread: `slice()` of a frozen array is ten times slower
  if (status !== 204 && status !== 304) {
    const length =
      body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    list.push('Content-Length', String(length));
  }
  res.writeHead(status, list);
  if (body === null) res.end();
  else res.end(body);
}
