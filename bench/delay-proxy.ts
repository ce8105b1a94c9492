// One origin's network path on loopback: a TCP proxy in front of a local server that charges what a
// real network charges. A new connection pays its handshake (one round trip) before its first
// byte reaches the server; every chunk, either way, arrives half a round trip after it was sent,
// in order. So a request on a new connection costs 2 RTT, on a kept-alive one 1 RTT, and a
// preflight 1 RTT more. Bandwidth and TCP slow start are not modelled: these are counts of round
// trips, not transfers. The browser connects to the proxy's port as if it were the origin (no
// HTTP proxy settings). The browser's own connect returns at once (the handshake is charged on
// the first bytes instead), so it cannot hand a queued request to a socket that frees up during
// the handshake, as a real browser could.
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DelayedLane, epochMs } from './delayed-lane.js';

export interface DelayProxyOptions {
  /** The server behind the proxy, on loopback. */
  target: { host?: string; port: number };
  /** The round-trip time of the modelled path, in ms. */
  rttMs: number;
  /**
   * Round trips before a new connection carries data: 1 = TCP (default). A TLS server behind the
   * proxy pays its handshake by itself (its messages are delayed like any); 2 charges TLS 1.3 to
   * a plain-HTTP server.
   */
  handshakeRtts?: number;
  /** Loopback address to listen on (default 127.0.0.1) and port (default 0: a free one). */
  host?: string;
  port?: number;
  /** At most this many connections at once (default 64); more are refused. */
  maxConnections?: number;
}

/** What went through the proxy since start or `reset()`. */
export interface DelayProxyStats {
  /** Connections accepted: each paid its handshake. */
  connections: number;
  /** Request exchanges: bursts from the client after silence or an answer on that connection. */
  exchanges: number;
  bytesUp: number;
  bytesDown: number;
  /** The latest any chunk arrived after its due time, in ms: the model's own error (a busy machine). */
  maxLateMs: number;
}

/** A connection opened or a request sent, with wall-clock time (epoch ms, like `performance.timeOrigin`). */
export interface DelayProxyEvent {
  at: number;
  connection: number;
  kind: 'connect' | 'request';
  /** For a request: its first line when it is HTTP/1 (`GET /x HTTP/1.1`). */
  line?: string;
}

export interface DelayProxy {
  /** `http://host:port`: the origin a browser uses for the target through this path. */
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  readonly rttMs: number;
  stats(): DelayProxyStats;
  /** Connections and requests in order (the latest 10,000). */
  events(): readonly DelayProxyEvent[];
  /** Zeroes the counts and the event log (open connections stay open). */
  reset(): void;
  /** Closes every open connection (the next request pays a handshake again). */
  dropConnections(): void;
  close(): Promise<void>;
}

const MAX_EVENTS = 10_000;
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;
const HTTP_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]$/;

export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const { rttMs, handshakeRtts = 1, host = '127.0.0.1', port = 0, maxConnections = 64 } = options;
  const targetHost = options.target.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host) || !LOOPBACK.test(targetHost))
    throw new Error(`delay proxy: loopback only (listen ${host}, target ${targetHost})`);
  if (!(rttMs >= 0) || !(handshakeRtts >= 0)) throw new Error('delay proxy: bad rttMs');

  const zero = (): DelayProxyStats => ({
    connections: 0,
    exchanges: 0,
    bytesUp: 0,
    bytesDown: 0,
    maxLateMs: 0,
  });
  const stats = zero();
  const late = (ms: number) => {
    stats.maxLateMs = Math.max(stats.maxLateMs, ms);
  };
  let events: DelayProxyEvent[] = [];
  const sockets = new Set<Socket>();
  const lanes = new Set<DelayedLane>();
  let serial = 0;
  const log = (event: DelayProxyEvent) => {
    events.push(event);
    if (events.length > MAX_EVENTS) events = events.slice(-MAX_EVENTS / 2);
  };

  const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const id = (serial += 1);
    const opened = performance.now();
    stats.connections += 1;
    log({ at: epochMs(), connection: id, kind: 'connect' });
    const upstream = createConnection({
      host: targetHost,
      port: options.target.port,
      allowHalfOpen: true,
      noDelay: true,
    });
    client.setNoDelay(true);
    const half = rttMs / 2;
    // Client data waits for the handshake to finish, then travels half a round trip.
    const up = new DelayedLane(client, upstream, half, opened + handshakeRtts * rttMs, late);
    const down = new DelayedLane(upstream, client, half, 0, late);
    let clientSpoke = false;
    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.length;
      if (!clientSpoke) {
        clientSpoke = true;
        stats.exchanges += 1;
        const first = chunk.subarray(0, 200).toString('latin1').split('\r\n')[0]!;
        log({
          at: epochMs(),
          connection: id,
          kind: 'request',
          ...(HTTP_LINE.test(first) ? { line: first } : {}),
        });
      }
      up.push(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      stats.bytesDown += chunk.length;
      clientSpoke = false;
      down.push(chunk);
    });
    let open = 2;
    for (const [socket, lane] of [
      [client, up],
      [upstream, down],
    ] as const) {
      sockets.add(socket);
      socket.on('end', () => lane.end());
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        lane.close();
        open -= 1;
        if (open === 0) {
          up.stop();
          down.stop();
          lanes.delete(up);
          lanes.delete(down);
        }
      });
    }
    lanes.add(up);
    lanes.add(down);
  });
  server.maxConnections = maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const dropConnections = () => {
    for (const lane of lanes) lane.stop();
    for (const socket of sockets) socket.destroy();
  };
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host === 'localhost' ? 'localhost' : urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    rttMs,
    stats: () => ({ ...stats }),
    events: () => events,
    reset() {
      Object.assign(stats, zero());
      events = [];
    },
    dropConnections,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropConnections();
      });
    },
  };
}
