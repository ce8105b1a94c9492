// `npx tsx bench/run.ts` (npm run bench): builds the widget into a temporary directory, deploys it
// on loopback as a practice would (the sandbox portal, the booking backend serving the build, the
// practice's web server passing /pb/ to it), measures it in headless Chromium, with and without
// the delay proxies' network model, loads the backend from a second process, and writes the table
// to bench/RESULTS.md (and stdout).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildWidget, existingBuild, type BenchBuild } from './build.js';
import { keptScaleSection } from './scale-section.js';
import { measureBackendLoad, LOAD_PATH, type BackendLoadResult } from './backend-load.js';
import { chunkComposition, fileName, LOCALES, measureBytes, type BytesResult } from './bytes.js';
import { measureDenseRender, type DenseResult } from './dense-render.js';
import {
  LATENCY_MS,
  measureFirstPaint,
  NEEDED_ROUNDS,
  SLACK_MS,
  type FirstPaintResult,
} from './first-paint.js';
import { measureNetwork } from './network.js';
import { networkDetails, networkRows } from './network-report.js';
import { measureProxy, PROXY_CACHE, VISITORS, type ProxyResult } from './proxy.js';
import { machine, machineLine, ms, kb, table, verdict, type Row } from './report.js';
import { measureRequests, MINIMUM, shortUrl, type RequestsResult } from './requests.js';
import { startBenchStack } from './stack.js';

/** The guest path's budget in each language (test/e2e/budget.test.ts enforces it). */
const BUDGET_GZIP = 23 * 1024;
const RENDER_MS = 50;
const TASK_MS = 50;
const RPS_SHARE = 0.8;
const PROXY_MAX = 10;
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const rows: Row[] = [];
const details: string[] = [];
const errors: string[] = [];

/** `--only=bytes,requests,network,first,dense,load,proxy`: a subset (RESULTS.md then holds only it). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const KEYS: Record<string, string> = {
  bytes: 'bytes',
  requests: 'requests',
  'round trips (delay proxies)': 'network',
  'first insurance (DevTools emulation)': 'first',
  'dense day/time step': 'dense',
  'backend load': 'load',
  'API cache': 'proxy',
};

async function attempt<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  if (only && !only.includes(KEYS[name] ?? name)) return undefined;
  const t0 = performance.now();
  process.stdout.write(`bench: ${name} … `);
  try {
    const value = await work();
    console.log(`${ms(performance.now() - t0)}`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    console.log(`failed: ${message}`);
    errors.push(`${name}: ${message}`);
    rows.push({ metric: name, measured: `error: ${message}`, target: '', verdict: 'error' });
    return undefined;
  }
}

function bytesRows(b: BytesResult, build: BenchBuild): void {
  for (const locale of LOCALES) {
    const g = b.guest[locale];
    const files = g.scripts.map((s) => `${fileName(s.path)} ${kb(s.gzip)}`).join(', ');
    rows.push({
      metric: `Guest-path scripts (navigation → first insurance shown), gzip -9, ${locale}`,
      measured: `${kb(g.gzip)} gzip / ${kb(g.raw)} raw in ${g.scripts.length} file(s): ${files}`,
      target: `≤ ${kb(BUDGET_GZIP)} gzip, lit included (test/e2e/budget.test.ts)`,
      verdict: verdict(g.gzip <= BUDGET_GZIP),
    });
  }
  rows.push({
    metric: 'Login code (oidc-client-ts) on the guest path',
    measured: b.loginOnGuestPath.length ? `in ${b.loginOnGuestPath.join(', ')}` : 'none',
    target: 'none',
    verdict: verdict(b.loginOnGuestPath.length === 0),
  });
  rows.push({
    metric: 'Login code in its own lazily loaded chunk',
    measured: b.loginLazy.length
      ? b.loginLazy.join(', ')
      : b.loginChunks.length
        ? `in ${b.loginChunks.join(', ')}, but not behind a dynamic import of the guest path`
        : 'no build file contains oidc-client-ts',
    target: 'a chunk in dist/ reached only through import()',
    verdict: verdict(b.loginLazy.length > 0),
  });
  const click = b.loginClick;
  rows.push({
    metric: 'What the first "Sign in" click adds (en)',
    measured:
      click === null
        ? 'no "Sign in" button shown'
        : `${kb(click.reduce((n, s) => n + s.gzip, 0))} gzip / ${kb(click.reduce((n, s) => n + s.raw, 0))} raw in ${click.length} file(s)${click.length ? `: ${click.map((s) => fileName(s.path)).join(', ')}` : ''}`,
    target: 'measured (login chunk, loaded on demand)',
    verdict: 'info',
  });

  const lines = [
    '### Bundle',
    '',
    '| file | raw | gzip -9 | entry | imports | dynamic imports |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of build.chunks) {
    lines.push(
      `| ${c.fileName} | ${kb(c.raw)} | ${kb(c.gzip)} | ${c.isEntry ? 'entry' : c.isDynamicEntry ? 'lazy' : 'shared'} | ${c.imports.join(', ') || '–'} | ${c.dynamicImports.join(', ') || '–'} |`,
    );
  }
  for (const c of build.chunks.filter((x) => x.gzip > 1024)) {
    lines.push(
      '',
      `What \`${c.fileName}\` is made of (bytes before minification; gzip share estimated pro rata):`,
      '',
    );
    lines.push('| module group | rendered | ≈ gzip share |', '|---|---|---|');
    for (const g of chunkComposition(c))
      lines.push(`| ${g.group} | ${kb(g.rendered)} | ${kb(g.gzipEstimate)} |`);
    lines.push(
      '',
      'Largest modules: ' +
        c.modules
          .slice(0, 12)
          .map((m) => `${m.id} ${kb(m.rendered)}`)
          .join(', '),
    );
  }
  details.push(lines.join('\n'));
}

function requestRows(r: RequestsResult, apiBase: string): void {
  const byEndpoint = new Map<string, number>();
  for (const c of r.booking) byEndpoint.set(c.endpoint, (byEndpoint.get(c.endpoint) ?? 0) + 1);
  const breakdown = [...byEndpoint].map(([e, n]) => `${e}${n > 1 ? ` ×${n}` : ''}`).join(', ');
  const allowed = r.minimum + r.paging;
  rows.push({
    metric: `API requests for a complete guest booking (+ ${r.configRequests} GET config)`,
    measured: `${r.booking.length}: ${breakdown}`,
    target: `≤ ${allowed} (minimum ${r.minimum} + ${r.paging} paging; see below)`,
    verdict: verdict(r.booking.length <= allowed),
  });
  rows.push({
    metric: 'Same request twice within that visit',
    measured: r.repeated.length ? r.repeated.join(', ') : '0',
    target: '0',
    verdict: verdict(r.repeated.length === 0),
  });
  const bf = r.backAndForth;
  rows.push({
    metric: 'New requests: details → back to insurance → same choices → details',
    measured: `${bf.newApi.length}${bf.newApi.length ? `: ${bf.newApi.map((c) => `${c.method} ${shortUrl(c.url, apiBase)}`).join(', ')}` : ''} (config: ${bf.newConfig})`,
    target: '0',
    verdict: verdict(bf.newApi.length === 0 && bf.newConfig === 0),
  });
  const lines = [
    '### API requests of a guest booking',
    '',
    'The minimum the API allows (paging on top: one request per further 100 items of a list):',
    '',
    ...MINIMUM.map((m, i) => `${i + 1}. \`${m.endpoint}\`: ${m.why}`),
    '',
    'Not in the minimum: `GET /appointment_types/{id}` (the list already has the type). ' +
      "`GET config` (the login's settings, the practice's phone) is the backend's own, not the API's.",
    '',
    `What the widget sent to \`${apiBase}\` (${r.booking.length} API requests; ${r.configRequests} GET config):`,
    '',
    ...r.booking.map((c) => `- ${c.method} ${shortUrl(c.url, apiBase)}`),
    '',
    `Beyond the minimum: ${r.extra.length ? r.extra.join(', ') : 'nothing'}.`,
    '',
    `Back and forth: ${bf.presses} presses of Back from the details step to the insurance step, the same choices again.`,
  ];
  details.push(lines.join('\n'));
}

function firstPaintRows(f: FirstPaintResult): void {
  rows.push({
    metric: `Second figure, DevTools latency emulation (${LATENCY_MS} ms added to each request, connections free): first insurance visible after navigation (median of ${f.runs.length})`,
    measured: `${ms(f.medianMs)} (min ${ms(f.minMs)}, max ${ms(f.maxMs)}); longest request chain seen: ${f.runs[0]?.observedRounds ?? '?'} requests`,
    target: `measured; the emulated latency alone: ${f.neededRounds} requests in a row × ${LATENCY_MS} = ${ms(f.neededRounds * LATENCY_MS)}`,
    verdict: 'info',
  });
  rows.push({
    metric: `Same, beyond the time its ${f.neededRounds} requests in a row took (page, script, insurances: each one’s own duration, latency and server time)`,
    measured: `${ms(f.medianOverheadMs)} median`,
    target: `≤ ${SLACK_MS} ms`,
    verdict: verdict(f.medianOverheadMs <= SLACK_MS),
  });
  const median = [...f.runs].sort((a, b) => a.ms - b.ms)[Math.floor(f.runs.length / 2)]!;
  const lines = [
    '### First insurance under DevTools latency emulation (the second figure)',
    '',
    'The requests that must follow one another (each waits for the answer before it):',
    '',
    ...NEEDED_ROUNDS.map((r, i) => `${i + 1}. ${r}`),
    '',
    "Chrome's emulation adds its latency to each request's answer and nothing to opening a " +
      'connection, so it counts requests in a row, not round trips: the delay proxies above give the latter.',
    '',
    `Requests of the median run (ms after the page request started; insurance visible at ${ms(median.ms)}):`,
    '',
    '| start | end | method | type | url |',
    '|---|---|---|---|---|',
    ...median.requests
      .filter((q) => q.start <= median.ms + 200)
      .map(
        (q) =>
          `| ${Math.round(q.start)} | ${Math.round(q.end)} | ${q.method} | ${q.type} | ${q.url.replace(/^http:\/\/[^/]+/, '')} |`,
      ),
    '',
    `Longest chain up to the insurance (${median.observedRounds}): ` +
      median.chain
        .map((q) => `${q.method} ${q.url.replace(/^http:\/\/[^/]+/, '').replace(/\?.*/, '')}`)
        .join(' → '),
  ];
  details.push(lines.join('\n'));
}

function denseRows(d: DenseResult): void {
  const m = d.median;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  rows.push({
    metric: `Day/time step, type 202 (${m.inWindow} availabilities in the widget's 14-day window): availabilities received → times on screen (median of ${d.runs.length})`,
    measured: `${ms(m.responseToTimesMs)}; ${m.timeButtons} time + ${m.dayButtons} day buttons rendered`,
    target: `≤ ${RENDER_MS} ms, with ≥ 2,000 availabilities in range`,
    verdict: verdict(m.responseToTimesMs <= RENDER_MS && m.inWindow >= 2000),
  });
  rows.push({
    metric:
      'Same, from the click on the type (includes fetching the window through the backend from the sandbox)',
    measured: `${ms(m.clickToTimesMs)} (sandbox answer ≈ ${ms(m.clickToTimesMs - m.responseToTimesMs)})`,
    target: 'measured',
    verdict: 'info',
  });
  const tasks = d.runs.map((r) => r.longestTaskMs);
  const longest = median(tasks);
  rows.push({
    metric: 'Longest main-thread task from that click to the times on screen (Chromium trace)',
    measured: `${ms(longest)} median (worst run ${ms(Math.max(...tasks))})`,
    target: `≤ ${TASK_MS} ms`,
    verdict: verdict(longest <= TASK_MS),
  });
  details.push(
    [
      '### Day/time step, type 202',
      '',
      '| run | click → times | response → times | longest task | long tasks (observer) | in window | time buttons | day buttons | window |',
      '|---|---|---|---|---|---|---|---|---|',
      ...d.runs.map(
        (r, i) =>
          `| ${i + 1} | ${ms(r.clickToTimesMs)} | ${ms(r.responseToTimesMs)} | ${ms(r.longestTaskMs)} | ${r.longTasks.join(', ') || '–'} | ${r.inWindow} | ${r.timeButtons} | ${r.dayButtons} | ${r.windowQuery} |`,
      ),
      '',
      'The step renders the times of one day (the first with times) and a button per day; the ' +
        'whole window is fetched, decoded and grouped by day.',
    ].join('\n'),
  );
}

function loadRows(t: BackendLoadResult): void {
  rows.push({
    metric: `Backend, a cached catalogue answer (GET ${LOAD_PATH.slice(1)}, ${kb(t.bodyBytes)}): requests/s (${t.connections} keep-alive connections, ${t.durationMs / 1000} s, best of 2)`,
    measured:
      `${Math.round(t.backend.rps)} rps = ${Math.round(t.ratio * 100)} % of bare node:http ${Math.round(t.bare.rps)} rps` +
      (t.bare.clientCpu > 90
        ? ` (the load generator ran at ${Math.round(t.bare.clientCpu)} % CPU against the bare server: its true rate is higher, the share lower)`
        : ''),
    target: '≥ 80 % of bare node:http',
    verdict: verdict(t.ratio >= RPS_SHARE),
  });
  rows.push({
    metric: 'Backend p99 latency (same runs)',
    measured: `${t.backend.p99.toFixed(2)} ms (bare ${t.bare.p99.toFixed(2)} ms); p50 ${t.backend.p50.toFixed(2)} ms (bare ${t.bare.p50.toFixed(2)} ms)`,
    target: 'measured',
    verdict: 'info',
  });
  const b = t.burst;
  rows.push({
    metric:
      '1,000 concurrent guests at a fresh backend (empty cache, no guest token; the portal answers in 500 ms): requests at the portal',
    measured: `${b.upstream.token} token + ${b.upstream.api} insurances (${b.ok} × 200, ${b.errors} errors; ${ms(b.ms)})`,
    target: '1 + 1',
    verdict: verdict(b.upstream.token === 1 && b.upstream.api === 1 && b.ok === 1000),
  });
  details.push(
    [
      '### Backend under load',
      '',
      'Load generator: `bench/load-client.ts` in a second Node process (raw HTTP/1.1 keep-alive sockets), ' +
        "closed loop, loopback, sending what the widget's fetch sends on the backend's own origin " +
        '(`Accept: application/json`, `Sec-Fetch-Site: same-origin`, no token). Both servers answer the ' +
        "same status, headers and body (the bare one replays the backend's answer). The backend runs in a " +
        'process of its own, as `npm run backend` does (`bench/backend-host.ts`), beside a stand-in portal ' +
        "with canned answers: not beside the sandbox, whose login library's AsyncLocalStorage taxes every " +
        'promise in its process.',
      '',
      '| server | rps | p50 | p99 | requests | errors | statuses | load generator CPU |',
      '|---|---|---|---|---|---|---|---|',
      ...(
        [
          ['booking backend', t.backend],
          ['bare node:http', t.bare],
        ] as const
      ).map(
        ([name, r]) =>
          `| ${name} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.requests} | ${r.errors} | ${JSON.stringify(r.statuses)} | ${Math.round(r.clientCpu)} % of a core |`,
      ),
      '',
      `1,000 guests, one socket each, at a fresh backend whose portal (the stand-in, 500 ms per answer) ` +
        `saw ${b.upstream.token} token and ${b.upstream.api} API request(s). Statuses: ${JSON.stringify(b.statuses)}.`,
    ].join('\n'),
  );
}

function proxyRows(p: ProxyResult): void {
  const u = p.per1000;
  rows.push({
    metric: `Upstream requests per ${VISITORS.toLocaleString('en-US')} simulated visitors through the backend, every URL with the visitor's own junk query (\`&utm_source=…&fbclid=…&gclid=…\`): catalogue / availabilities / guest token`,
    measured: `${u.catalogue} / ${u.availability} / ${u.token} at the portal, of ${p.sent.catalogue.toLocaleString('en-US')} / ${p.sent.availability.toLocaleString('en-US')} GETs sent (${p.visitors.completed} visitors in ${ms(p.visitors.ms)})`,
    target: `catalogue ≤ ${PROXY_MAX} per cache lifetime (${PROXY_CACHE.catalogueTtlSeconds} s)`,
    verdict: verdict(u.catalogue <= PROXY_MAX && p.visitors.errors === 0),
  });
  details.push(
    [
      '### API cache',
      '',
      `${VISITORS} visitors, 50 at a time, from a second process, each sending the GETs of a guest booking ` +
        "(the widget's own, recorded in the browser run above) straight to the backend, " +
        'each URL with tracking parameters of its own appended (no two visitors send the same URL), e.g. ' +
        '`&utm_source=newsletter&utm_medium=email&utm_campaign=spring-3&fbclid=IwAR…&gclid=Cj0K…`. ' +
        `Backend cache as deployed by default: catalogue ${PROXY_CACHE.catalogueTtlSeconds} s, ` +
        `availabilities ${PROXY_CACHE.availabilityTtlSeconds} s. Requests counted at the sandbox.`,
      '',
      ...p.gets.map((g) => `- GET ${g}`),
      '',
      `Statuses: ${JSON.stringify(p.visitors.statuses)}; errors: ${p.visitors.errors}. ` +
        `Backend cache: ${p.cache.hit} hits, ${p.cache.miss} misses, ${p.cache.shared} shared (waited for a running miss), ${p.cache.entries} entries.`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const distArg = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
  const build = distArg ? await existingBuild(distArg) : await buildWidget();
  console.log(
    distArg
      ? `bench: measuring the existing build in ${build.dist}`
      : `bench: built the widget in ${ms(build.ms)} into ${build.dist}`,
  );
  const stack = await startBenchStack(build.root, build.dist);
  const chromium = stack.browser.version();
  const info = machine(chromium);
  let gets: string[] = [];
  const problems: string[] = [];
  try {
    const b = await attempt('bytes', () => measureBytes(stack, build.dist));
    if (b) {
      bytesRows(b, build);
      problems.push(...b.problems);
    }
    const r = await attempt('requests', () => measureRequests(stack));
    if (r) {
      requestRows(r, stack.apiBase);
      problems.push(...r.problems);
      gets = r.booking.filter((c) => c.method === 'GET').map((c) => shortUrl(c.url, stack.apiBase));
    }
    const n = await attempt('round trips (delay proxies)', () =>
      measureNetwork({
        browser: stack.browser,
        portal: stack.portal,
        root: build.root,
        files: stack.files,
      }),
    );
    if (n) {
      rows.push(...networkRows(n));
      details.push(networkDetails(n));
      problems.push(...Object.values(n.variants).flatMap((v) => v.problems));
    }
    const f = await attempt('first insurance (DevTools emulation)', () => measureFirstPaint(stack));
    if (f) {
      firstPaintRows(f);
      problems.push(...f.problems);
    }
    const d = await attempt('dense day/time step', () => measureDenseRender(stack, 5));
    if (d) {
      denseRows(d);
      problems.push(...d.problems);
    }
  } finally {
    await stack.close();
    await build.remove();
  }
  const t = await attempt('backend load', () => measureBackendLoad());
  if (t) loadRows(t);
  const p = await attempt('API cache', () => measureProxy(gets));
  if (p) proxyRows(p);

  const total = performance.now() - started;
  const markdown = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (\`npx tsx bench/run.ts\`) in ${Math.round(total / 1000)} s.`,
    '',
    `Machine: ${machineLine(info)}.`,
    '',
    table(rows),
    '',
    '## How to reproduce',
    '',
    '```sh',
    'npm install',
    'npm run bench   # or: npx tsx bench/run.ts',
    '```',
    '',
    'It builds the current source into a temporary directory (dist/ is left alone) and deploys it on ' +
      "loopback as a practice would: the sandbox portal, the booking backend serving the build, the practice's " +
      'web server with the pages, passing `/pb/` to the backend. It drives headless Chromium ' +
      '(`BENCH_CHROME_PATH` or /usr/bin/chromium, the full browser) with playwright-core, directly and through one delay proxy ' +
      'per origin (`bench/delay-proxy.ts`: 300 ms RTT, a handshake per new connection), loads the backend ' +
      'from a second Node process, and rewrites this file. It takes about three minutes. Timings depend on ' +
      'the machine and on what else runs on it; byte, request and round-trip counts do not.',
    '',
    ...(problems.length
      ? ['## Page problems seen', '', ...[...new Set(problems)].map((x) => `- ${x}`), '']
      : []),
    ...(errors.length
      ? ['## Measurements that failed', '', ...errors.map((x) => `- ${x}`), '']
      : []),
    '## Details',
    '',
    details.join('\n\n'),
    '',
  ].join('\n');
  await writeFile(RESULTS, markdown + (await keptScaleSection(RESULTS)));
  console.log(
    `\n${table(rows)}\n\nMachine: ${machineLine(info)}\nbench: wrote ${RESULTS} (${Math.round(total / 1000)} s)`,
  );
}

await main();
