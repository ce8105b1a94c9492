// The backend at scale, on loopback (`npm run bench:scale`): INSTANCES backend processes sharing
// a Redis, Varnish in front (round robin, health probes on `health`), 50 practices (tenants),
// VISITORS guests a second through the whole guest flow for SECONDS; then the same with one
// instance killed (SIGKILL) half-way. Prints a Markdown table for bench/RESULTS.md.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../test/support/redis.js';
import { startVarnish } from '../test/support/varnish.js';
import { startPortals, tenantsFile } from './scale-portals.js';
import { scaleRow, SCALE_HEADER } from './scale-report.js';
import type { ScaleRun } from './scale-report.js';
import { visit } from './scale-visitor.js';
import type { Visit } from './scale-visitor.js';

const TENANTS = 50;
const INSTANCES = Number(process.env.INSTANCES ?? 3);
const VISITORS = Number(process.env.VISITORS ?? 20);
const SECONDS = Number(process.env.DURATION_S ?? 20);
const INSTANCE = fileURLToPath(new URL('./scale-instance.ts', import.meta.url));

async function startInstance(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready http:\/\/localhost:(\d+)/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${code}): ${output}`)));
  });
  child.removeAllListeners('exit');
  return { child, port };
}

/** Round robin over the instances; each probed on `health` every 200 ms, out after one miss. */
function vcl(ports: readonly number[]): string {
  const probe =
    '.probe = { .url = "/health"; .interval = 200ms; .timeout = 150ms; .window = 2; .threshold = 2; .initial = 2; }';
  const backends = ports.map(
    (port, i) => `backend b${i} { .host = "127.0.0.1"; .port = "${port}"; ${probe} }`,
  );
  const adds = ports.map((_, i) => `  rr.add_backend(b${i});`);
  return [
    'vcl 4.1;',
    'import directors;',
    ...backends,
    'sub vcl_init {',
    '  new rr = directors.round_robin();',
    ...adds,
    '}',
    'sub vcl_recv { set req.backend_hint = rr.backend(); }',
  ].join('\n');
}

async function run(kill: boolean): Promise<ScaleRun> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-scale-'));
  const [redis, portals] = await Promise.all([startRedis(), startPortals(TENANTS)]);
  const file = join(dir, 'tenants.json');
  await writeFile(file, JSON.stringify(tenantsFile(portals)));
  const env = {
    ...process.env,
    TENANTS_FILE: file,
    REDIS_URL: redis.url,
    POW_HMAC_KEY: 'scale-bench-'.padEnd(40, 'k'),
    POW_MAX_NUMBER: '1000',
    TRUST_PROXY: '127.0.0.1',
  };
  const instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(env)));
  const varnish = await startVarnish(vcl(instances.map((i) => i.port)));
  const visits: Array<Promise<Visit>> = [];
  const started = performance.now();
  const total = VISITORS * SECONDS;
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / VISITORS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (kill && n === Math.floor(total / 2)) instances[0]?.child.kill('SIGKILL');
    visits.push(visit(varnish.url, portals[n % TENANTS]?.id ?? 't01', n));
  }
  const done = await Promise.all(visits);
  const failures = new Map<string, number>();
  for (const { failed } of done) if (failed) failures.set(failed, (failures.get(failed) ?? 0) + 1);
  for (const [failure, count] of failures) console.error(`${count}× ${failure}`);
  const seconds = (performance.now() - started) / 1000;
  const hits = (await varnish.log('%{Varnish:handling}x', 'client')).filter((l) => l === 'hit');
  const result: ScaleRun = {
    instances: INSTANCES,
    kill,
    seconds,
    visits: done,
    upstream: portals.map(({ portal }) => portal.requests.length),
    tokens: portals.map(({ portal }) => portal.tokenRequests().length),
    made: portals.flatMap(({ made }) => [...made]),
    cacheHits: hits.length,
  };
  await varnish.stop();
  for (const { child } of instances) child.kill('SIGTERM');
  await Promise.all([redis.stop(), ...portals.map(({ portal }) => portal.close())]);
  await rm(dir, { recursive: true, force: true });
  return result;
}

console.log(`${TENANTS} tenants, ${INSTANCES} instances, ${VISITORS} visitors/s for ${SECONDS} s`);
console.log(SCALE_HEADER);
for (const kill of [false, true]) console.log(scaleRow(await run(kill)));
