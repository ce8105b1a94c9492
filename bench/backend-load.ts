// The backend under load from a second process on loopback: requests per second and p99 of the
// guest's first API request (`GET api/patient/v1/insurances?page=1&per_page=100`) answered from
// its catalogue cache, against a bare node:http server answering the same bytes; and the
// requests that 1,000 concurrent callers at a fresh backend (empty cache, no guest token) cause
// at a portal that takes 500 ms to answer.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBackend } from '../server/backend/node-adapter.js';
import { runLoad } from './load.js';
import type { BurstResult, RateResult, Target } from './load-client.js';
import { API_PATH, backendConfig, countingSandbox, type PortalHit } from './stack.js';

const CONNECTIONS = 32;
const WARMUP_MS = 500;
const DURATION_MS = 4000;
const ROUNDS = 2;
const CALLERS = 1000;
const SLOW_PORTAL_MS = 500;
export const LOAD_PATH = `${API_PATH}/insurances?page=1&per_page=100`;

export interface BackendLoadResult {
  connections: number;
  durationMs: number;
  backend: RateResult;
  bare: RateResult;
  /** backend.rps / bare.rps */
  ratio: number;
  /** Bytes of the answer's body (the sandbox's insurances). */
  bodyBytes: number;
  burst: BurstResult & { upstream: { token: number; api: number } };
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

interface RecordedAnswer {
  status: number;
  /** Flat `[name, value, …]` list, minus the headers node:http writes by itself. */
  headers: string[];
  body: Buffer;
}

/**
 * A bare node:http server that answers every request with exactly these bytes: the same status,
 * header names, order and values (written as a flat list, as the backend does) and the same body.
 * node:http adds Date, Connection and Keep-Alive itself, as for the backend.
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
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** What the widget's fetch sends on the backend's own origin (no `Origin`, no token). */
const guestGet = (url: string): Target => ({
  url,
  method: 'GET',
  headers: { accept: 'application/json', 'sec-fetch-site': 'same-origin' },
});

const count = (hits: PortalHit[]) => ({
  token: hits.filter((h) => h.path === '/oauth/token').length,
  api: hits.filter((h) => h.path.startsWith(API_PATH)).length,
});

export async function measureBackendLoad(): Promise<BackendLoadResult> {
  // 1. A cached catalogue answer: the backend vs a bare server with the same answer.
  const hits: PortalHit[] = [];
  const sandbox = await countingSandbox(hits);
  const server = await startBackend({ port: 0, host: '127.0.0.1', ...backendConfig(sandbox.url) });
  const url = `${server.url.replace('localhost', '127.0.0.1')}${LOAD_PATH}`;
  const answer = await record(guestGet(url)); // fills the cache
  if (answer.status !== 200) throw new Error(`GET ${LOAD_PATH}: ${answer.status}`);
  const bare = await bareServer(answer);
  const job = {
    kind: 'rate' as const,
    connections: CONNECTIONS,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
  };
  const runs = { backend: [] as RateResult[], bare: [] as RateResult[] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.bare.push(await runLoad<RateResult>({ ...job, ...guestGet(`${bare.url}${LOAD_PATH}`) }));
      runs.backend.push(await runLoad<RateResult>({ ...job, ...guestGet(url) }));
    }
  } finally {
    await Promise.all([server.close(), bare.close(), sandbox.close()]);
  }
  const best = (list: RateResult[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const backend = best(runs.backend);
  const bareBest = best(runs.bare);

  // 2. 1,000 concurrent callers at a fresh backend whose portal takes 500 ms for each answer.
  const slowHits: PortalHit[] = [];
  const slow = await countingSandbox(slowHits, { latencyMs: SLOW_PORTAL_MS });
  const fresh = await startBackend({ port: 0, host: '127.0.0.1', ...backendConfig(slow.url) });
  let burst: BurstResult;
  try {
    const target = guestGet(`${fresh.url.replace('localhost', '127.0.0.1')}${LOAD_PATH}`);
    burst = await runLoad<BurstResult>({ kind: 'burst', count: CALLERS, ...target });
  } finally {
    await fresh.close();
    await slow.close();
  }
  return {
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    backend,
    bare: bareBest,
    ratio: backend.rps / bareBest.rps,
    bodyBytes: answer.body.byteLength,
    burst: { ...burst, upstream: count(slowHits) },
  };
}
