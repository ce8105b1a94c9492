// The backend at scale, on loopback (`npm run bench:scale`): for each count in INSTANCES (default
// 2,3), that many backend processes sharing a Redis, Varnish in front (round robin, health probes
// on `health`), 50 practices (tenants), VISITORS guests a second (default 40) through the whole
// guest flow for DURATION_S seconds (default 20); then the same with one instance killed
// (SIGKILL) half-way. Writes its table into bench/RESULTS.md (and stdout).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../test/support/redis.js';
import { startVarnish } from '../test/support/varnish.js';
import { startPortals, tenantsFile } from './scale-portals.js';
import { scaleRow, SCALE_HEADER } from './scale-report.js';
import { writeScaleSection } from './scale-section.js';
import type { ScaleRun } from './scale-report.js';
import { visit } from './scale-visitor.js';
import type { Visit } from './scale-visitor.js';

const TENANTS = 50;
const INSTANCES = (process.env.INSTANCES ?? '2,3').split(',').map(Number);
const VISITORS = Number(process.env.VISITORS ?? 40);
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
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

/**
 * Round robin over the instances, each probed on `health` every 250 ms: out after two misses of
 * three (a dead one refuses at once; a busy one has a second to answer).
 */
function vcl(ports: readonly number[]): string {
  const probe =
    '.probe = { .url = "/health"; .interval = 250ms; .timeout = 1s; .window = 3; .threshold = 2; .initial = 3; }';
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

async function run(count: number, kill: boolean): Promise<ScaleRun> {
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
  const instances = await Promise.all(Array.from({ length: count }, () => startInstance(env)));
  const varnish = await startVarnish(vcl(instances.map((i) => i.port)));
  const visits: Array<Promise<Visit>> = [];
  const started = performance.now();
  const total = VISITORS * DURATION_S;
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / VISITORS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (kill && n === Math.floor(total / 2)) instances[0]?.child.kill('SIGKILL');
    visits.push(visit(varnish.url, portals[n % TENANTS]?.id ?? 't01', n));
  }
  const done = await Promise.all(visits);
  const failures = new Map<string, number>();
  for (const { failed, retried } of done) {
    for (const what of [...(failed ? [failed] : []), ...retried]) {
      failures.set(what, (failures.get(what) ?? 0) + 1);
    }
  }
  for (const [failure, count] of failures) console.error(`${count}× ${failure}`);
  const seconds = (performance.now() - started) / 1000;
  const hits = (await varnish.log('%{Varnish:handling}x', 'client')).filter((l) => l === 'hit');
  const result: ScaleRun = {
    instances: count,
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

const rows: string[] = [];
for (const count of INSTANCES) {
  for (const kill of [false, true]) rows.push(scaleRow(await run(count, kill)));
}
const body = [
  '### The backend at scale: instances, Redis, Varnish, 50 practices',
  '',
  `Written by \`npm run bench:scale\` (\`bench/scale.ts\`) on ${new Date().toISOString()}: ` +
    `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at the end, Node ${process.version}. ` +
    `Per run: a Redis, the backend instances (processes of their own, \`TENANTS_FILE\` with ${TENANTS} ` +
    `practices, \`REDIS_URL\`), Varnish in front of them (round robin, probes on \`health\` every 250 ms), ` +
    `one stand-in portal per practice (it answers in 100 ms and keeps a booking's \`Idempotency-Key\` as ` +
    `the portal does), and ` +
    `${VISITORS} new visitors a second for ${DURATION_S} s, spread over the practices, each through ` +
    `config → catalogue (3 GETs) → times → challenge (solved) → booking, from an address of its own; a failed ` +
    `request (5xx, reset) is sent again after 100 ms, the booking with its proof and key. "Killed": one ` +
    `instance gets SIGKILL half-way. Upstream: every request that reached the busiest practice's portal ` +
    `(token, catalogue, times, bookings) per minute, against its budget of 600. Lost: a visitor without a ` +
    `confirmation, or without a booking at the portal; doubled: a patient with two bookings there.`,
  '',
  SCALE_HEADER,
  ...rows,
].join('\n');
console.log(body);
await writeScaleSection(RESULTS, body);
