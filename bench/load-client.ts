// The load generator, run as a second process (child_process.fork) so that it does not share an
// event loop with the servers it measures. node:http with keep-alive agents, loopback only,
// bounded in requests and time. It receives one job by IPC, answers with one result and exits.
import http from 'node:http';

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
      token: Target;
      /** GETs every visitor makes, in order, with the token it got. */
      gets: Target[];
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

async function rate(job: Extract<Job, { kind: 'rate' }>): Promise<RateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  let cpu = process.cpuUsage();
  let cpuSwitched = false;
  async function worker(): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      if (!cpuSwitched && t0 >= measureFrom) {
        cpuSwitched = true;
        cpu = process.cpuUsage();
      }
      try {
        const { status } = await send(agent, job);
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          latencies.push(t1 - t0);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } catch {
        errors += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: job.connections }, worker));
  const used = process.cpuUsage(cpu);
  agent.destroy();
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
        const token = await send(agent, job.token);
        requests += 1;
        count(token.status);
        const { access_token: accessToken } = JSON.parse(token.body) as { access_token?: string };
        for (const get of job.gets) {
          const headers = { ...get.headers, authorization: `Bearer ${accessToken ?? ''}` };
          const answer = await send(agent, { ...get, headers });
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
