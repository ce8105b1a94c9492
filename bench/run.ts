// `npx tsx bench/run.ts` (npm run bench): builds the widget into a temporary directory, measures
// it in headless Chromium against the sandbox portal and the token server on loopback, loads the
// token server from a second process, and writes the table to bench/RESULTS.md (and stdout).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildWidget, existingBuild, type BenchBuild } from './build.js';
import { chunkComposition, measureBytes, type BytesResult } from './bytes.js';
import { measureDenseRender, type DenseResult } from './dense-render.js';
import {
  LATENCY_MS,
  measureFirstPaint,
  NEEDED_ROUNDS,
  SLACK_MS,
  type FirstPaintResult,
} from './first-paint.js';
import { measureProxy, PROXY_CACHE, VISITORS, type ProxyResult } from './proxy.js';
import { machine, machineLine, ms, kb, table, verdict, type Row } from './report.js';
import { measureRequests, MINIMUM, shortUrl, type RequestsResult } from './requests.js';
import { API_PATH, startBenchStack } from './stack.js';
import { measureTokenLoad, type TokenLoadResult } from './token-load.js';

const BUDGET_GZIP = 20 * 1024;
const RENDER_MS = 50;
const TASK_MS = 50;
const RPS_SHARE = 0.8;
const PROXY_MAX = 10;
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const rows: Row[] = [];
const details: string[] = [];
const errors: string[] = [];

/** `--only=bytes,requests,first,dense,token,proxy` runs a subset (RESULTS.md then holds only it). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const KEYS: Record<string, string> = {
  bytes: 'bytes',
  requests: 'requests',
  'first insurance': 'first',
  'dense day/time step': 'dense',
  'token server load': 'token',
  'API proxy': 'proxy',
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
  const files = b.guest.map((s) => `${s.path.replace(/^\/dist\//, '')} ${kb(s.gzip)}`).join(', ');
  rows.push({
    metric: 'Guest-path scripts (navigation → first insurance shown), gzip -9',
    measured: `${kb(b.guestGzip)} gzip / ${kb(b.guestRaw)} raw in ${b.guest.length} file(s): ${files}`,
    target: '≤ 20.0 KB gzip, lit included',
    verdict: verdict(b.guestGzip <= BUDGET_GZIP),
  });
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
    metric: 'What the first "Sign in" click adds',
    measured:
      click === null
        ? 'no "Sign in" button shown (page has client-id)'
        : `${kb(click.reduce((n, s) => n + s.gzip, 0))} gzip / ${kb(click.reduce((n, s) => n + s.raw, 0))} raw in ${click.length} file(s)${click.length ? `: ${click.map((s) => s.path.replace(/^\/dist\//, '')).join(', ')}` : ''}`,
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

function requestRows(r: RequestsResult, portal: string): void {
  const apiBase = `${portal}${API_PATH}`;
  const byEndpoint = new Map<string, number>();
  for (const c of r.booking) byEndpoint.set(c.endpoint, (byEndpoint.get(c.endpoint) ?? 0) + 1);
  const breakdown = [...byEndpoint].map(([e, n]) => `${e}${n > 1 ? ` ×${n}` : ''}`).join(', ');
  const allowed = r.minimum + r.paging;
  rows.push({
    metric: 'API requests for a complete guest booking (+ 1 POST /token to the token server)',
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
    metric: 'New API requests: details → back to insurance → same choices → details',
    measured: `${bf.newApi.length}${bf.newApi.length ? `: ${bf.newApi.map((c) => `${c.method} ${shortUrl(c.url, apiBase)}`).join(', ')}` : ''} (token: ${bf.newToken}, preflights: ${bf.newPreflights})`,
    target: '0',
    verdict: verdict(bf.newApi.length === 0 && bf.newToken === 0),
  });
  const lines = [
    '### API requests of a guest booking',
    '',
    'The minimum the API allows (paging on top: one request per further 100 items of a list):',
    '',
    ...MINIMUM.map((m, i) => `${i + 1}. \`${m.endpoint}\`: ${m.why}`),
    '',
    'Not in the minimum: `GET /locations` (names of locations; a type with one location needs none ' +
      'to book, and the booking answer carries its location), `GET /appointment_types/{id}` ' +
      '(the list already has the type). The guest token (`POST /token`) is a request to the token ' +
      'server, not to the API.',
    '',
    `What the widget sent (${r.booking.length} API requests, ${r.tokenRequests} token request(s), ` +
      `${r.preflights} CORS preflights answered by the portal):`,
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
    metric: `First insurance visible after navigation, ${LATENCY_MS} ms emulated latency (median of ${f.runs.length})`,
    measured: `${ms(f.medianMs)} (min ${ms(f.minMs)}, max ${ms(f.maxMs)}); longest request chain seen: ${f.runs[0]?.observedRounds ?? '?'} round trips`,
    target: `measured; the emulated latency alone: ${f.neededRounds} round trips × ${LATENCY_MS} = ${ms(f.neededRounds * LATENCY_MS)}`,
    verdict: 'info',
  });
  rows.push({
    metric:
      'Same, beyond the time its 4 sequential round trips took (page, script, token, insurances: each one’s own duration, latency and server time)',
    measured: `${ms(f.medianOverheadMs)} median`,
    target: `≤ ${SLACK_MS} ms`,
    verdict: verdict(f.medianOverheadMs <= SLACK_MS),
  });
  const median = [...f.runs].sort((a, b) => a.ms - b.ms)[Math.floor(f.runs.length / 2)]!;
  const lines = [
    '### First insurance: round trips',
    '',
    'The round trips that must follow one another (each waits for the answer before it):',
    '',
    ...NEEDED_ROUNDS.map((r, i) => `${i + 1}. ${r}`),
    '',
    "Chrome's latency emulation does not delay CORS preflights (the OPTIONS rows below take a " +
      'few ms), so the two preflights of this path are not counted; on a real network each costs ' +
      'one more round trip on the first visit (the answers are cached for 10 minutes per URL).',
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
    metric: 'Same, from the click on the type (includes fetching the window from the sandbox)',
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

function tokenRows(t: TokenLoadResult): void {
  rows.push({
    metric: `Token server, POST /token with a cached token: requests/s (${t.connections} keep-alive connections, ${t.durationMs / 1000} s, best of 2)`,
    measured:
      `${Math.round(t.tokenServer.rps)} rps = ${Math.round(t.ratio * 100)} % of bare node:http ${Math.round(t.bare.rps)} rps` +
      (t.bare.clientCpu > 90
        ? ` (the load generator ran at ${Math.round(t.bare.clientCpu)} % CPU against the bare server: its true rate is higher, the share lower)`
        : ''),
    target: '≥ 80 % of bare node:http',
    verdict: verdict(t.ratio >= RPS_SHARE),
  });
  rows.push({
    metric: 'Token server p99 latency (same runs)',
    measured: `${t.tokenServer.p99.toFixed(2)} ms (bare ${t.bare.p99.toFixed(2)} ms); p50 ${t.tokenServer.p50.toFixed(2)} ms (bare ${t.bare.p50.toFixed(2)} ms)`,
    target: 'measured',
    verdict: 'info',
  });
  const b = t.burst;
  rows.push({
    metric: '1,000 concurrent callers at a fresh token server: upstream token requests',
    measured: `${b.upstream} (${b.ok} × 200, ${b.errors} errors; ${Object.entries(b.sources)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; ${ms(b.ms)})`,
    target: '1',
    verdict: verdict(b.upstream === 1 && b.ok === 1000),
  });
  details.push(
    [
      '### Token server under load',
      '',
      'Load generator: `bench/load-client.ts` in a second Node process (node:http, keep-alive agent), ' +
        'closed loop, loopback. Both servers answer the same status, headers and body (the bare one ' +
        "replays the token server's answer). Fake portal: a counting node:http server.",
      '',
      '| server | rps | p50 | p99 | requests | errors | statuses | load generator CPU |',
      '|---|---|---|---|---|---|---|---|',
      ...(
        [
          ['token server', t.tokenServer],
          ['bare node:http', t.bare],
        ] as const
      ).map(
        ([name, r]) =>
          `| ${name} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.requests} | ${r.errors} | ${JSON.stringify(r.statuses)} | ${Math.round(r.clientCpu)} % of a core |`,
      ),
      '',
      `1,000 callers, one socket each, the fake portal answering after 500 ms: ${b.upstream} upstream request(s); ` +
        `cache sources in the token server's log: ${JSON.stringify(b.sources)}.`,
    ].join('\n'),
  );
}

function proxyRows(p: ProxyResult): void {
  const d = p.direct;
  rows.push({
    metric: `Upstream requests per ${VISITORS.toLocaleString('en-US')} visitors without the proxy (catalogue / availabilities / token)`,
    measured: `${d.per1000.catalogue} / ${d.per1000.availability} / ${d.per1000.token} (${d.visitors.completed} visitors in ${ms(d.visitors.ms)})`,
    target: 'measured',
    verdict: 'info',
  });
  if (p.status === 'pending') {
    rows.push({
      metric: `Upstream catalogue requests per ${VISITORS.toLocaleString('en-US')} visitors with the proxy`,
      measured: `pending: ${p.reason}`,
      target: `≤ ${PROXY_MAX} within the cache time`,
      verdict: 'pending',
    });
  } else {
    const x = p.proxied;
    rows.push({
      metric: `Upstream requests per ${VISITORS.toLocaleString('en-US')} visitors with the proxy (catalogue / availabilities / token)`,
      measured: `${x.per1000.catalogue} / ${x.per1000.availability} / ${x.per1000.token} (${x.visitors.completed} visitors in ${ms(x.visitors.ms)})`,
      target: `catalogue ≤ ${PROXY_MAX} within the cache time (${PROXY_CACHE.catalogueTtlSeconds} s)`,
      verdict: verdict(x.per1000.catalogue <= PROXY_MAX),
    });
  }
  details.push(
    [
      '### API proxy',
      '',
      `${VISITORS} visitors, 50 at a time, from a second process: each POSTs /token, then sends the widget's own GETs ` +
        'of a guest booking (recorded in the browser run above) with the token, to the portal (without) or to the token ' +
        `server's /api/patient/v1 (with; cache ${PROXY_CACHE.catalogueTtlSeconds} s catalogue, ${PROXY_CACHE.availabilityTtlSeconds} s availabilities). ` +
        'Upstream requests counted at the sandbox.',
      '',
      ...p.gets.map((g) => `- GET ${g}`),
      '',
      `Statuses without the proxy: ${JSON.stringify(d.visitors.statuses)}` +
        (p.status === 'done' ? `; with: ${JSON.stringify(p.proxied.visitors.statuses)}` : ''),
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
  const stack = await startBenchStack(build.root);
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
      requestRows(r, stack.portal);
      problems.push(...r.problems);
      const base = `${stack.portal}${API_PATH}`;
      gets = r.booking.filter((c) => c.method === 'GET').map((c) => shortUrl(c.url, base));
    }
    const f = await attempt('first insurance', () => measureFirstPaint(stack));
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
  const t = await attempt('token server load', () => measureTokenLoad());
  if (t) tokenRows(t);
  const p = await attempt('API proxy', () => measureProxy(gets));
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
    'It builds the current source into a temporary directory (dist/ is left alone), starts the ' +
      'sandbox portal, the token server and a static server on loopback, drives headless Chromium ' +
      '(`CHROME_PATH` or /usr/bin/chromium) with playwright-core, loads the token server from a ' +
      'second Node process, and rewrites this file. It takes about a minute. Timings depend on the ' +
      'machine and on what else runs on it; byte and request counts do not.',
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
  await writeFile(RESULTS, markdown);
  console.log(
    `\n${table(rows)}\n\nMachine: ${machineLine(info)}\nbench: wrote ${RESULTS} (${Math.round(total / 1000)} s)`,
  );
}

await main();
