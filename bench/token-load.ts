// The token server under load from a second process on loopback: requests per second and p99 of
// POST /token with a cached token, against a bare node:http server answering the same bytes; and
// the upstream token requests that 1,000 concurrent callers cause at a fresh token server.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBackend } from '../server/backend/node-adapter.js';
import { runLoad } from './load.js';
import type { BurstResult, RateResult, Target } from './load-client.js';
import { NO_RATE_LIMIT } from './stack.js';

const ORIGIN = 'http://localhost:5173';
const CONNECTIONS = 32;
const WARMUP_MS = 500;
const DURATION_MS = 4000;
const ROUNDS = 2;
const CALLERS = 1000;

export interface TokenLoadResult {
  connections: number;
  durationMs: number;
  tokenServer: RateResult;
  bare: RateResult;
  /** tokenServer.rps / bare.rps */
  ratio: number;
  burst: BurstResult & { upstream: number; sources: Record<string, number> };
}

interface FakePortal {
  url: string;
  count(): number;
  close(): Promise<void>;
}

/** A stand-in for the portal's token endpoint that counts its calls and answers after `delayMs`. */
async function fakePortal(delayMs: number): Promise<FakePortal> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls += 1;
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: `bench-token-${calls}`,
          token_type: 'Bearer',
          expires_in: 7200,
          scope: 'basic',
        }),
      );
    }, delayMs);
  });
  const url = await listen(server);
  return { url, count: () => calls, close: () => close(server) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * A bare node:http server that answers every request with exactly these bytes: the same status,
 * header names, order and values (`rawHeaders`, written as a flat list, as the token server does)
 * and the same body. node:http adds Date, Connection and Keep-Alive itself, as for the token server.
 */
async function bareServer(answer: RecordedAnswer) {
  const { status, headers, body } = answer;
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, headers);
    res.end(body);
  });
  return { url: await listen(server), close: () => close(server) };
}

interface RecordedAnswer {
  status: number;
  /** Flat `[name, value, …]` list, minus the headers node:http writes by itself. */
  headers: string[];
  body: string;
}

/** One request with node:http, recording the answer as sent (header case and order included). */
function record(target: Target): Promise<RecordedAnswer> {
  const own = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return new Promise((resolve, reject) => {
    const req = request(target.url, { method: target.method, headers: target.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const [name, value] = [res.rawHeaders[i]!, res.rawHeaders[i + 1]!];
          if (!own.has(name.toLowerCase())) headers.push(name, value);
        }
        const body = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const tokenRequest = (url: string): Target => ({
  url,
  method: 'POST',
  headers: { origin: ORIGIN, 'x-patient-booking': '1', 'content-length': '0' },
});

export async function measureTokenLoad(): Promise<TokenLoadResult> {
  // 1. Cached token: token server vs bare server with the same answer.
  const portal = await fakePortal(5);
  const server = await startBackend({
    port: 0,
    host: '127.0.0.1',
    portalUrl: portal.url,
    clientId: 'bench',
    clientSecret: 'bench-secret',
    allowedOrigins: [ORIGIN],
    rateLimit: NO_RATE_LIMIT,
  });
  const tokenUrl = `${server.url.replace('localhost', '127.0.0.1')}/token`;
  const bare = await bareServer(await record(tokenRequest(tokenUrl)));
  const job = {
    kind: 'rate' as const,
    connections: CONNECTIONS,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
  };
  const runs = { tokenServer: [] as RateResult[], bare: [] as RateResult[] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.bare.push(await runLoad<RateResult>({ ...job, ...tokenRequest(`${bare.url}/token`) }));
      runs.tokenServer.push(await runLoad<RateResult>({ ...job, ...tokenRequest(tokenUrl) }));
    }
  } finally {
    await Promise.all([server.close(), bare.close(), portal.close()]);
  }
  const best = (list: RateResult[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const tokenServer = best(runs.tokenServer);
  const bareBest = best(runs.bare);

  // 2. 1,000 concurrent callers at a fresh token server whose portal takes 500 ms to answer.
  const slowPortal = await fakePortal(500);
  const sources: Record<string, number> = {};
  const fresh = await startBackend(
    {
      port: 0,
      host: '127.0.0.1',
      portalUrl: slowPortal.url,
      clientId: 'bench',
      clientSecret: 'bench-secret',
      allowedOrigins: [ORIGIN],
      rateLimit: NO_RATE_LIMIT,
    },
    {
      log: (line) => {
        const source = /cache=(\w+)/.exec(line)?.[1] ?? 'none';
        sources[source] = (sources[source] ?? 0) + 1;
      },
    },
  );
  let burst: BurstResult;
  try {
    const url = `${fresh.url.replace('localhost', '127.0.0.1')}/token`;
    burst = await runLoad<BurstResult>({ kind: 'burst', count: CALLERS, ...tokenRequest(url) });
  } finally {
    await fresh.close();
    await slowPortal.close();
  }
  return {
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    tokenServer,
    bare: bareBest,
    ratio: tokenServer.rps / bareBest.rps,
    burst: { ...burst, upstream: slowPortal.count(), sources },
  };
}
