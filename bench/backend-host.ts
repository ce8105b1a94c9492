// The backend under load in a process of its own, as `npm run backend` runs it: nothing else in it
// but a stand-in portal (node:http, canned answers, counting its requests) and, when asked, a bare
// node:http server replaying the backend's answer. Not the sandbox: its login library keeps an
// AsyncLocalStorage, whose promise hooks would tax every promise of a backend sharing its process.
// Forked by bench/backend-load.ts; talks by IPC: a `HostJob` in, `HostReady` out, then `counts`
// (answered with `PortalCounts`) and `close`.
import { fork } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startBackend } from '../server/backend/node-adapter.js';

export interface HostJob {
  /** The stand-in portal answers after this many ms. */
  portalDelayMs: number;
  /** Fill the backend's cache with `path` and start a bare server replaying that answer. */
  warm?: { path: string; headers: Record<string, string> };
}

export interface HostReady {
  backendUrl: string;
  bareUrl?: string;
  status?: number;
  bodyBytes?: number;
}

export interface PortalCounts {
  token: number;
  api: number;
}

/** Eight insurances in the shape of the portal's list answer (about the sandbox's size). */
const INSURANCES = JSON.stringify({
  data: [
    'Techniker Krankenkasse',
    'AOK Nordost',
    'Barmer',
    'DAK-Gesundheit',
    'IKK classic',
    'KKH Kaufmännische Krankenkasse',
    'Privat versichert',
    'Selbstzahler',
  ].map((name, i) => ({ id: 136 + i, name, insurance_type: i < 6 ? 'public' : 'private' })),
  meta: { page: 1, per_page: 100, total_count: 8, has_more: false },
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function standInPortal(delayMs: number, counts: PortalCounts): Server {
  return createServer((req, res) => {
    req.resume();
    const token = (req.url ?? '').startsWith('/oauth/token');
    if (token) counts.token += 1;
    else counts.api += 1;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        token
          ? JSON.stringify({
              access_token: `bench-${counts.token}`,
              token_type: 'Bearer',
              expires_in: 7200,
            })
          : INSURANCES,
      );
    }, delayMs);
  });
}

/** One GET with node:http, recording the answer as sent (header case and order included). */
function record(url: string, headers: Record<string, string>) {
  const own = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return new Promise<{ status: number; headers: string[]; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const list: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          if (!own.has(res.rawHeaders[i]!.toLowerCase()))
            list.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode ?? 0, headers: list, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function host(job: HostJob): Promise<void> {
  const counts: PortalCounts = { token: 0, api: 0 };
  const portal = standInPortal(job.portalDelayMs, counts);
  const backend = await startBackend({
    port: 0,
    host: '127.0.0.1',
    portalUrl: await listen(portal),
    clientId: 'bench',
    clientSecret: 'bench-secret',
    allowedOrigins: [],
    rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
    // Every simulated visitor comes from this one address: no per-address connection cap.
    limits: { connectionsPerIp: 0 },
  });
  const backendUrl = backend.url.replace('localhost', '127.0.0.1');
  const ready: HostReady = { backendUrl };
  let bare: Server | undefined;
  if (job.warm) {
    // The bare server answers every request with the backend's bytes: the same status, header
    // names, order and values, written as a flat list as the backend does, and the same body.
    const answer = await record(`${backendUrl}${job.warm.path}`, job.warm.headers);
    bare = createServer((req, res) => {
      req.resume();
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
    Object.assign(ready, {
      bareUrl: await listen(bare),
      status: answer.status,
      bodyBytes: answer.body.byteLength,
    });
  }
  process.on('message', (message) => {
    if (message === 'counts') process.send!({ ...counts });
    if (message === 'close') {
      for (const server of [portal, bare]) server?.closeAllConnections();
      void backend.close().finally(() => process.exit(0));
    }
  });
  process.send!(ready);
}

if (process.send && process.argv.includes('--host')) {
  setTimeout(() => process.exit(2), 120_000).unref();
  process.once('message', (job: HostJob) => void host(job));
}

export interface Host {
  ready: HostReady;
  counts(): Promise<PortalCounts>;
  close(): Promise<void>;
}

/** Forks a host process for `job`; resolves once its servers listen. */
export function startHost(job: HostJob): Promise<Host> {
  const child = fork(fileURLToPath(import.meta.url), ['--host'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`backend host exited with code ${code}`)));
    });
  const ready = next<HostReady>();
  child.send(job);
  return ready.then((info) => ({
    ready: info,
    counts: () => {
      const answer = next<PortalCounts>();
      child.send('counts');
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      }),
  }));
}
