// `npx tsx bench/round-trips-demo.ts [rttMs]`: what Chromium does over HTTP/1.1 on a network with
// a real round-trip time (300 ms unless given). A page loads a module script, the script fetches a
// JSON file and renders it; with and without preload hints, on one origin and across two. Each
// origin is its own delay proxy in front of the same node:http server. Prints round trips to the
// rendered JSON (median of 3 cold visits) and the median visit's connections and requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { benchChromePath, chromeArgs } from '../scripts/chrome-path.js';
import {
  describeMeasured,
  measureRoundTrips,
  startDelayProxies,
  type Measured,
} from './round-trips.js';
import { certificate } from './tls-certificate.js';

const RTT = Number(process.argv[2] ?? 300);
const RUNS = 3;

/** The script: fetches data.json beside itself (with a custom header when asked: a preflight). */
const APP = `const url = new URL('data.json', import.meta.url);
const headers = new URL(import.meta.url).searchParams.has('header') ? { 'x-demo': '1' } : {};
const data = await (await fetch(url, { headers })).json();
const out = document.createElement('p');
out.id = 'out';
out.textContent = 'answer: ' + data.answer;
document.body.append(out);
`;

/** Page variants: what the head holds, given the other origin (`o`: '' for the same one). */
const VARIANTS: Record<string, (o: string) => string> = {
  'same origin, no hints': () => `<script type="module" src="/app.js"></script>`,
  'same origin, preload as=fetch': () =>
    `<link rel="preload" href="/data.json" as="fetch" crossorigin><script type="module" src="/app.js"></script>`,
  'same origin, modulepreload': () =>
    `<link rel="modulepreload" href="/app.js"><script type="module" src="/app.js"></script>`,
  'same origin, both hints': () =>
    `<link rel="modulepreload" href="/app.js"><link rel="preload" href="/data.json" as="fetch" crossorigin><script type="module" src="/app.js"></script>`,
  'same origin, script inline (reference)': () => `<script type="module">${APP}</script>`,
  'cross origin, no hints': (o) => `<script type="module" src="${o}/app.js"></script>`,
  'cross origin, preflighted fetch': (o) =>
    `<script type="module" src="${o}/app.js?header"></script>`,
  'cross origin, preload as=fetch': (o) =>
    `<link rel="preload" href="${o}/data.json" as="fetch" crossorigin><script type="module" src="${o}/app.js"></script>`,
  'cross origin, preconnect': (o) =>
    `<link rel="preconnect" href="${o}" crossorigin><script type="module" src="${o}/app.js"></script>`,
};
type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;
const slug = (name: string) => `/${name.replace(/[^a-z]+/g, '-')}.html`;

/** One demo site: serves the variants with `other` as the cross origin. */
function site(other: () => string) {
  return (req: Request, res: Response): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers': 'x-demo',
      'access-control-max-age': '600',
      vary: 'origin',
    };
    const send = (type: string, body: string): void => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=60', ...cors });
      res.end(body);
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (path === '/app.js') return send('text/javascript', APP);
    if (path === '/data.json') return send('application/json', '{"answer":42}');
    const variant = Object.keys(VARIANTS).find((name) => slug(name) === path);
    if (!variant) return void res.writeHead(404).end();
    const head = VARIANTS[variant]!(variant.startsWith('cross') ? other() : '');
    send(
      'text/html; charset=utf-8',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}</head><body><h1>Demo</h1></body></html>`,
    );
  };
}

async function listen(server: Server | Http2SecureServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

let h1Other = '';
let h2Other = '';
const h1 = createServer(site(() => h1Other));
const h2 = createSecureServer(
  { ...certificate(), allowHTTP1: false },
  site(() => h2Other),
);
const [h1Port, h2Port] = [await listen(h1), await listen(h2)];
const plain = await startDelayProxies({ page: h1Port, other: h1Port }, RTT);
const secure = await startDelayProxies({ page: h2Port, other: h2Port }, RTT);
h1Other = plain.proxies.other.origin;
h2Other = secure.proxies.other.origin.replace('http:', 'https:');
// The flag accepts the self-signed certificate inside the network stack. (A context's
// ignoreHTTPSErrors does it after the error: Chromium then repeats the request on a new
// connection, one more handshake per origin.)
const browser = await chromium.launch({
  executablePath: benchChromePath(),
  args: [...chromeArgs, '--ignore-certificate-errors'],
});

async function visit(proxies: typeof plain.proxies, scheme: string, name: string) {
  const result = await measureRoundTrips({
    browser,
    url: `${proxies.page.origin.replace('http:', scheme)}${slug(name)}`,
    rttMs: RTT,
    until: { inPage: `document.getElementById('out')?.textContent === 'answer: 42'` },
    proxies,
  });
  if (result.problems.length) console.log(`  problems: ${result.problems.join('; ')}`);
  return result.first;
}

const summary: string[] = [];
async function section(title: string, proxies: typeof plain.proxies, scheme: string) {
  console.log(`# ${title}: RTT ${RTT} ms, cold visits (fresh context), median of ${RUNS}\n`);
  await visit(proxies, scheme, Object.keys(VARIANTS)[0]!); // warm-up: the browser's first page is slow
  for (const name of Object.keys(VARIANTS)) {
    const runs: Measured[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await visit(proxies, scheme, name));
    const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(RUNS / 2)]!;
    const all = runs.map((r) => r.roundTrips.toFixed(1)).join(', ');
    console.log(`## ${name} [runs: ${all}]\n${describeMeasured(median)}\n`);
    summary.push(
      `| ${title} | ${name} | ${median.roundTrips.toFixed(1)} | ${all} | ${median.connections} | ${median.exchanges} | ${Math.ceil(Math.max(...runs.map((r) => r.maxLateMs)))} ms |`,
    );
  }
}

try {
  await section('HTTP/1.1', plain.proxies, 'http:');
  await section('HTTPS + HTTP/2', secure.proxies, 'https:');
} finally {
  await browser.close();
  await Promise.all([plain.close(), secure.close()]);
  h1.close();
  h2.close();
}
console.log(
  [
    '| protocol | page | RT (median) | runs | connections | exchanges | proxy late ≤ |',
    '|---|---|---|---|---|---|---|',
    ...summary,
  ].join('\n'),
);
