// Round trips of a cold visit on a modelled network (bench/delay-proxy.ts, 300 ms RTT, HTTP/1.1):
// each origin behind its own delay proxy, the practice's web server with the backend behind its
// /pb/ as deployed. Three pages: (a) page, widget and API on one origin; (b) the same with the
// preload hint of docs/embedding.md; (c) the page on one origin, the widget and its backend on
// another (`backend=` attribute, the page's origin in ALLOWED_ORIGINS).
import { chromium, type Browser } from 'playwright-core';
import { benchChromePath, chromeArgs } from '../scripts/chrome-path.js';
import type { WidgetFiles } from '../server/backend/widget-files.js';
import { startDelayProxy, type DelayProxy } from './delay-proxy.js';
import { startH2Site } from './h2-site.js';
import { inspectPreload, type PreloadCheck } from './preload-check.js';
import { measureRoundTrips, type Measured, type RoundTripsStep } from './round-trips.js';
import { backendConfig, PREFIX, startSite, widgetHtml } from './stack.js';
import { FIRST_INSURANCE, PRELOAD_HINT, steps } from './visit-steps.js';

export const RTT_MS = 300;
/** Measured ≤ bound + this many round trips passes (see MARGIN_WHY). */
export const MARGIN_RT = 0.5;
export const MARGIN_WHY =
  'Round trips come whole: one more in the chain adds 1.0 RT. What is not a round trip is the ' +
  "machine's own time (servers on loopback, parsing and running the script, rendering, the " +
  "proxies' timers, the end condition seen at the next frame): tens of ms on a quiet machine, " +
  'about 0.2–0.3 RT. So a count within bound + 0.5 has no extra round trip; one beyond it has. ' +
  'The count is the fastest of the cold visits (median and every run beside it): on a machine ' +
  'shared with other work a visit can come out slower than its round trips, never faster, so the ' +
  'fastest is the least disturbed (as "best of" for the load figures).';
export const RUNS = 7;

export type VariantKey = 'same' | 'preload' | 'cross';

export interface VariantResult {
  key: VariantKey;
  name: string;
  /** The navigation's fastest run, and each step's fastest (see MARGIN_WHY). */
  first: Measured;
  steps: Measured[];
  /** The navigation's median run. */
  median: Measured;
  /** Round trips of every run, to navigation's end. */
  all: number[];
  problems: string[];
}

export interface NetworkResult {
  rttMs: number;
  runs: number;
  variants: Record<VariantKey, VariantResult>;
  /** The same-origin pages over HTTPS + HTTP/2 (a TLS 1.3 handshake: one more round trip). */
  http2: Record<'same' | 'preload', VariantResult>;
  preload: PreloadCheck;
}

const byTime = (list: Measured[]) => [...list].sort((a, b) => a.ms - b.ms);
const median = (list: Measured[]): Measured => byTime(list)[Math.floor(list.length / 2)]!;
const fastest = (list: Measured[]): Measured => byTime(list)[0]!;

interface Variant {
  key: VariantKey;
  name: string;
  url: string;
  proxies: Record<string, DelayProxy>;
  steps: RoundTripsStep[];
}

interface Collected {
  first: Measured[];
  steps: Measured[][];
  problems: string[];
}

/** `runs` cold visits of each variant, interleaved (a busy moment hits all alike), after a warm-up. */
async function visitAll(browser: Browser, variants: Variant[], runs: number) {
  const collected = new Map<VariantKey, Collected>(
    variants.map((v) => [v.key, { first: [], steps: [], problems: [] }]),
  );
  const visit = (v: Variant, steps = v.steps) =>
    measureRoundTrips({
      browser,
      url: v.url,
      rttMs: RTT_MS,
      until: { inPage: FIRST_INSURANCE },
      proxies: v.proxies,
      steps,
    });
  await visit(variants[0]!, []); // warm-up: the browser's first page is slow
  for (let i = 0; i < runs; i += 1) {
    for (const v of variants) {
      const result = await visit(v);
      const c = collected.get(v.key)!;
      c.first.push(result.first);
      c.steps.push(result.steps);
      c.problems.push(...result.problems);
    }
  }
  const out: Partial<Record<VariantKey, VariantResult>> = {};
  for (const v of variants) {
    const c = collected.get(v.key)!;
    out[v.key] = {
      key: v.key,
      name: v.name,
      first: fastest(c.first),
      steps: v.steps.map((_, i) => fastest(c.steps.map((s) => s[i]!))),
      median: median(c.first),
      all: c.first.map((m) => m.roundTrips),
      problems: [...new Set(c.problems)],
    };
  }
  return out;
}

/** The steps of a visit: the pointer rests on the list for 2 RTT before the first click. */
const STEPS = steps(2 * RTT_MS);

export async function measureNetwork(options: {
  browser: Browser;
  portal: string;
  root: string;
  files: WidgetFiles;
  runs?: number;
}): Promise<NetworkResult> {
  const runs = options.runs ?? RUNS;
  const proxies: DelayProxy[] = [];
  const proxy = async (port: number) => {
    const started = await startDelayProxy({ target: { port }, rttMs: RTT_MS });
    proxies.push(started);
    return started;
  };
  let pageProxy: DelayProxy | undefined;
  let h2Proxy: DelayProxy | undefined;
  const h2Backend = { url: '' };
  const h2 = await startH2Site(h2Backend);
  // The pages' origin (as localhost) and the backend's own (as 127.0.0.1): two sites.
  const site = await startSite(options.root, options.files, async (web) => {
    pageProxy = await proxy(Number(new URL(web.origin).port));
    h2Proxy = await proxy(h2.port);
    const pages = [`http://localhost:${pageProxy.port}`, `https://127.0.0.1:${h2Proxy.port}`];
    return backendConfig(options.portal, {
      allowedOrigins: [pages[0]!],
      redirectUris: pages.map((page) => `${page}${PREFIX}callback.html`),
    });
  });
  h2Backend.url = site.backend.url.replace('localhost', '127.0.0.1');
  const backendProxy = await proxy(Number(new URL(site.backend.url).port));
  const pageOrigin = `http://localhost:${pageProxy!.port}`;
  const h2Origin = `https://127.0.0.1:${h2Proxy!.port}`;
  const backendOrigin = backendProxy.origin;
  for (const serve of [site.web.page, h2.page]) {
    serve('/same.html', widgetHtml({}));
    serve('/preload.html', widgetHtml({ head: PRELOAD_HINT }));
  }
  site.web.page(
    '/cross.html',
    widgetHtml({
      script: `${backendOrigin}/patient-booking.js`,
      attrs: { backend: `${backendOrigin}/` },
    }),
  );
  const page = { page: pageProxy! };
  const h2Page = { page: h2Proxy! };
  // The flag accepts the self-signed certificate inside the network stack (a context's
  // ignoreHTTPSErrors would cost another connection per origin).
  const tlsBrowser = await chromium.launch({
    executablePath: benchChromePath(),
    args: [...chromeArgs, '--ignore-certificate-errors'],
    headless: true,
  });
  try {
    const http1 = await visitAll(
      options.browser,
      [
        {
          key: 'same',
          name: 'same origin',
          url: `${pageOrigin}/same.html`,
          proxies: page,
          steps: STEPS,
        },
        {
          key: 'preload',
          name: 'same origin, preload hint',
          url: `${pageOrigin}/preload.html`,
          proxies: page,
          steps: [],
        },
        {
          key: 'cross',
          name: 'backend on another origin',
          url: `${pageOrigin}/cross.html`,
          proxies: { ...page, backend: backendProxy },
          steps: STEPS,
        },
      ],
      runs,
    );
    const http2 = await visitAll(
      tlsBrowser,
      [
        {
          key: 'same',
          name: 'same origin, HTTPS + HTTP/2',
          url: `${h2Origin}/same.html`,
          proxies: h2Page,
          steps: [],
        },
        {
          key: 'preload',
          name: 'same origin, preload hint, HTTPS + HTTP/2',
          url: `${h2Origin}/preload.html`,
          proxies: h2Page,
          steps: [],
        },
      ],
      runs,
    );
    const preload = await inspectPreload({
      browser: options.browser,
      url: `${pageOrigin}/preload.html`,
      proxy: pageProxy!,
      servePage: (path, html) => site.web.page(path, html),
    });
    return {
      rttMs: RTT_MS,
      runs,
      variants: http1 as Record<VariantKey, VariantResult>,
      http2: http2 as Record<'same' | 'preload', VariantResult>,
      preload,
    };
  } finally {
    await tlsBrowser.close();
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all([site.close(), h2.close()]);
  }
}
