// The load generator, run as a second process (child_process.fork) so that it does not share an
// event loop with the servers it measures. Loopback only, bounded in requests and time. It
// receives one job by IPC, answers with one result and exits. The rate job speaks HTTP/1.1 on raw
// keep-alive sockets (see RawConnection); the others use node:http with keep-alive agents.
import http from 'node:http';
import net from 'node:net';

export interface Target {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export type Job =
  | ({ kind: 'rate'; connections: number; warmupMs: number; durationMs: number } & Target)
  | ({ kind: 'burst'; count: number } & Target)
  | {
      kind: 'visitors';
      visitors: number;
      concurrency: number;
      limitMs: number;
      /** GETs every visitor makes, in order. */
      gets: Target[];
      /**
       * Append a visitor's own tracking parameters to each GET (`utm_source=…&fbclid=…`, as
       * links from newsletters and social networks carry them): no two visitors' URLs are equal.
       */
      junkQuery?: boolean;
    };

export interface RateResult {
  kind: 'rate';
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** CPU the load generator used, in % of one core: near 100 means it may be the bottleneck. */
  clientCpu: number;
}

export interface BurstResult {
  kind: 'burst';
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  ms: number;
}

export interface VisitorsResult {
  kind: 'visitors';
  completed: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  ms: number;
}

export type LoadResult = RateResult | BurstResult | VisitorsResult;

/** Hard limit of any job: the benchmark must end. */
const MAX_JOB_MS = 15_000;

function send(agent: http.Agent, t: Target): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(t.url, { method: t.method, headers: t.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * One keep-alive connection, one request at a time, sending the bytes node:http's client would
 * send. It costs the load generator a fraction of node:http's CPU, so that on a small machine the
 * server under test, not the generator, runs out of CPU first. Answers must carry Content-Length
 * (or have no body); anything else counts as an error.
 */
class RawConnection {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve(status: number): void; reject(error: Error): void } | undefined;
  private failure: Error | undefined;

  constructor(
    url: URL,
    private readonly request: Buffer,
  ) {
    this.socket = net.connect(Number(url.port || 80), url.hostname);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  /** Sends the request; resolves with the status once the whole answer is in. */
  send(): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(this.request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined && /\r\ntransfer-encoding:/i.test(head)) {
      this.fail(new Error('the answer has no Content-Length'));
      return;
    }
    const end = headEnd + 4 + Number(length ?? 0);
    if (this.buffered.length < end) return;
    this.buffered = this.buffered.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (/\r\nconnection: *close/i.test(head)) this.fail(new Error('connection: close'));
    waiting?.resolve(Number(head.slice(9, 12)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.socket.destroy();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}

/** The request bytes node:http's client sends for `t` (its headers, then Host and Connection). */
function requestBytes(t: Target, url: URL): Buffer {
  const lines = [`${t.method} ${url.pathname}${url.search} HTTP/1.1`];
  for (const [name, value] of Object.entries(t.headers)) lines.push(`${name}: ${value}`);
  lines.push(`Host: ${url.host}`, 'Connection: keep-alive', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

async function rate(job: Extract<Job, { kind: 'rate' }>): Promise<RateResult> {
  const url = new URL(job.url);
  const request = requestBytes(job, url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  let cpu = process.cpuUsage();
  let cpuSwitched = false;
  async function worker(): Promise<void> {
    let connection = new RawConnection(url, request);
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) break;
      if (!cpuSwitched && t0 >= measureFrom) {
        cpuSwitched = true;
        cpu = process.cpuUsage();
      }
      try {
        const status = await connection.send();
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          latencies.push(t1 - t0);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } catch {
        errors += 1;
        connection.close();
        connection = new RawConnection(url, request);
      }
    }
    connection.close();
  }
  await Promise.all(Array.from({ length: job.connections }, worker));
  const used = process.cpuUsage(cpu);
  const sorted = Float64Array.from(latencies).sort();
  return {
    kind: 'rate',
    requests: sorted.length,
    errors,
    rps: sorted.length / (job.durationMs / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    statuses,
    clientCpu: ((used.user + used.system) / 1000 / job.durationMs) * 100,
  };
}

async function burst(job: Extract<Job, { kind: 'burst' }>): Promise<BurstResult> {
  // One socket per caller: every one of them is a separate browser.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const statuses: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: job.count }, () =>
      send(agent, job).then(
        ({ status }) => void (statuses[status] = (statuses[status] ?? 0) + 1),
        () => void (errors += 1),
      ),
    ),
  );
  agent.destroy();
  return {
    kind: 'burst',
    ok: statuses['200'] ?? 0,
    errors,
    statuses,
    ms: performance.now() - start,
  };
}

/** A visitor's tracking parameters: the same names for everyone, values of its own. */
const junkFor = (visitor: number): string =>
  `utm_source=newsletter&utm_medium=email&utm_campaign=spring-${visitor % 7}` +
  `&fbclid=IwAR${(visitor * 2654435761).toString(36)}&gclid=Cj0K${visitor.toString(16)}`;

async function visitors(job: Extract<Job, { kind: 'visitors' }>): Promise<VisitorsResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency * 2 });
  const statuses: Record<string, number> = {};
  const count = (status: number) => (statuses[status] = (statuses[status] ?? 0) + 1);
  let next = 0;
  let completed = 0;
  let requests = 0;
  let errors = 0;
  const start = performance.now();
  async function visitor(): Promise<void> {
    while (next < job.visitors && performance.now() - start < job.limitMs) {
      next += 1;
      try {
        const junk = job.junkQuery ? junkFor(next) : '';
        for (const get of job.gets) {
          const url = junk ? `${get.url}${get.url.includes('?') ? '&' : '?'}${junk}` : get.url;
          const answer = await send(agent, { ...get, url });
          requests += 1;
          count(answer.status);
        }
        completed += 1;
      } catch {
        errors += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, visitor));
  agent.destroy();
  return { kind: 'visitors', completed, requests, errors, statuses, ms: performance.now() - start };
}

async function run(job: Job): Promise<LoadResult> {
  if (job.kind === 'rate') return rate(job);
  if (job.kind === 'burst') return burst(job);
  return visitors(job);
}

if (process.send) {
  setTimeout(() => process.exit(2), MAX_JOB_MS).unref();
  process.once('message', (job: Job) => {
    run(job).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
