// Does the widget's first request use the page's `<link rel="preload" as="fetch" crossorigin>`?
// One visit of the preload page through its delay proxy, watched three ways: what reached the
// server (the proxy's request lines), what Chromium reports (DevTools protocol: each request, its
// initiator and headers, whether it came from a cache) and its console warnings. Then probes: the
// same hint with a `fetch()` of the same URL, with and without the widget's `Accept` header and
// `signal`, each counted at the server, to find what decides the match.
import type { Browser, CDPSession } from 'playwright-core';
import type { DelayProxy } from './delay-proxy.js';
import { API_PATH, PREFIX } from './stack.js';

/** The widget's first list request: the first page of 100. */
export const PRELOAD_QUERY = '?page=1&per_page=100';
const PATH = `${PREFIX}${API_PATH.slice(1)}/insurances${PRELOAD_QUERY}`;

export interface SeenRequest {
  /** `parser` (the hint), `script` (the widget's fetch), … */
  initiator: string;
  url: string;
  /** `Accept` as sent. */
  accept: string;
  /** `network`, `disk cache`, `memory cache`, or `unfinished`. */
  source: string;
}

export interface PreloadProbe {
  /** How the probe's fetch is called. */
  call: string;
  /** Requests for the URL that reached the server: 1 = the fetch used the preload (or its answer). */
  atServer: number;
  fetchSource: string;
  /** Chromium's console message about the preload, if any. */
  warning?: string;
}

export interface PreloadCheck {
  hint: string;
  /** The widget's first insurances request, as its code called `fetch` (URL and `Accept`). */
  widgetUrl: string | undefined;
  widgetAccept: string | undefined;
  sameUrl: boolean;
  /** Requests for the hint's URL that reached the server during the visit. */
  atServer: number;
  requests: SeenRequest[];
  /** Chromium's console warnings about preloads (within 4 s of the load event). */
  warnings: string[];
  /** The widget's request was answered by the preload: one request at the server, none after it. */
  usedByWidget: boolean;
  probes: PreloadProbe[];
}

interface Tracked {
  initiator: string;
  url: string;
  accept: string;
  fromCache?: string;
  finished: boolean;
}

async function track(session: CDPSession, match: (url: string) => boolean) {
  const byId = new Map<string, Tracked>();
  session.on('Network.requestWillBeSent', (e) => {
    if (!match(e.request.url)) return;
    const headers = e.request.headers as Record<string, string>;
    byId.set(e.requestId, {
      initiator: e.initiator.type,
      url: e.request.url,
      accept: headers.Accept ?? headers.accept ?? '(none)',
      finished: false,
    });
  });
  // The headers as sent; this event may come before or after requestWillBeSent.
  const sent = new Map<string, string>();
  session.on('Network.requestWillBeSentExtraInfo', (e) => {
    const headers = e.headers as Record<string, string>;
    const accept = headers['Accept'] ?? headers['accept'];
    if (accept) sent.set(e.requestId, accept);
  });
  session.on('Network.requestServedFromCache', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.fromCache = 'memory cache';
  });
  session.on('Network.responseReceived', (e) => {
    const t = byId.get(e.requestId);
    if (t && e.response.fromDiskCache) t.fromCache ??= 'disk cache';
  });
  session.on('Network.loadingFinished', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.finished = true;
  });
  await session.send('Network.enable');
  return (): SeenRequest[] =>
    [...byId].map(([id, t]) => ({
      initiator: t.initiator,
      url: t.url,
      accept: sent.get(id) ?? t.accept,
      source: t.fromCache ?? (t.finished ? 'network' : 'unfinished'),
    }));
}

const atServer = (proxy: DelayProxy) =>
  proxy.events().filter((e) => e.kind === 'request' && e.line?.includes('/insurances')).length;

const isHintUrl = (url: string) => url.endsWith(PATH);

/** Records what the page's code passes to `fetch` (it still calls the browser's own). */
const RECORD_FETCH = `(() => {
  const original = window.fetch;
  window.__fetches = [];
  window.fetch = function (input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    const accept = new Headers(init && init.headers).get('Accept');
    window.__fetches.push({ url, accept });
    return original.call(this, input, init);
  };
})();`;

/** The probes' page: the hint, then one fetch of the same URL as `call` says. */
function probePage(call: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="preload" href="${PATH}" as="fetch" crossorigin>
<script type="module">
const signal = new AbortController().signal;
const answer = await fetch(${JSON.stringify(PATH)}, ${call});
document.title = 'done ' + (await answer.text()).length;
</script></head><body></body></html>`;
}

export const PROBE_CALLS: Record<string, string> = {
  'fetch(url)': '{}',
  'fetch(url, {signal})': '{ signal }',
  "fetch(url, {headers: {Accept: 'application/json'}})":
    "{ headers: { Accept: 'application/json' } }",
  "the widget's: {method: 'GET', headers: {Accept: 'application/json'}, signal}":
    "{ method: 'GET', headers: { Accept: 'application/json' }, signal }",
  // A control: another credentials mode than the hint's must not match (a second request).
  "control: fetch(url, {credentials: 'omit'})": "{ credentials: 'omit' }",
};

export async function inspectPreload(o: {
  browser: Browser;
  /** The preload page through `proxy`. */
  url: string;
  proxy: DelayProxy;
  /** Serves a probe page at a path of the same site. */
  servePage(path: string, html: string): void;
}): Promise<PreloadCheck> {
  const context = await o.browser.newContext();
  const warnings: string[] = [];
  let requests: SeenRequest[] = [];
  let count = 0;
  let called: { url: string; accept: string | null } | undefined;
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/preload/i.test(m.text())) warnings.push(`${m.type()}: ${m.text()}`);
    });
    await page.addInitScript(RECORD_FETCH);
    const session = await context.newCDPSession(page);
    const seen = await track(session, (url) => url.includes('/insurances'));
    o.proxy.reset();
    await page.goto(o.url, { waitUntil: 'load' });
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    // Chromium warns about an unused preload a few seconds after the load event.
    await page.waitForTimeout(4000);
    requests = seen();
    count = atServer(o.proxy);
    const fetches = (await page.evaluate('window.__fetches')) as Array<{
      url: string;
      accept: string | null;
    }>;
    called = fetches.find((f) => f.url.includes('/insurances'));
  } finally {
    await context.close();
  }
  // A fetch that took the preload's answer sends nothing: DevTools lists only the hint's request.
  const ownRequest = requests.find((r) => r.initiator === 'script');
  const probes: PreloadProbe[] = [];
  for (const [call, code] of Object.entries(PROBE_CALLS)) {
    const path = `/preload-probe-${probes.length + 1}.html`;
    o.servePage(path, probePage(code));
    const probe = await o.browser.newContext();
    try {
      const page = await probe.newPage();
      const messages: string[] = [];
      page.on('console', (m) => {
        if (/preload/i.test(m.text())) messages.push(m.text());
      });
      const session = await probe.newCDPSession(page);
      const seen = await track(session, (url) => url.includes('/insurances'));
      o.proxy.reset();
      await page.goto(`${new URL(o.url).origin}${path}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.title.startsWith('done'), undefined, {
        timeout: 20_000,
      });
      await page.waitForTimeout(200);
      const fetched = seen().find((r) => r.initiator === 'script');
      probes.push({
        call,
        atServer: atServer(o.proxy),
        fetchSource: fetched ? fetched.source : 'no request of its own (the preload itself)',
        ...(messages[0] ? { warning: messages[0] } : {}),
      });
    } finally {
      await probe.close();
    }
  }
  return {
    hint: PATH,
    widgetUrl: called?.url,
    widgetAccept: called?.accept ?? undefined,
    sameUrl: called ? isHintUrl(called.url) : false,
    atServer: count,
    requests,
    warnings,
    usedByWidget: called !== undefined && count === 1 && ownRequest === undefined,
    probes,
  };
}
