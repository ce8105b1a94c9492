// The product on loopback for the benchmark, deployed as a practice would: the sandbox portal
// (its request log kept, to count what reaches the portal), the booking backend serving a build
// directory, and the practice's web server with the benchmark's pages, which passes /pb/ to the
// backend (as nginx's `location /pb/ { proxy_pass http://backend/; }` does); plus headless
// Chromium. Like test/support/stack.ts, but serving any build and counting portal requests.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../server/sandbox/app.js';
import type { BackendConfig } from '../server/backend/config.js';
import { startBackend, type StartedBackend } from '../server/backend/node-adapter.js';
import { readWidgetFiles } from '../server/backend/widget-files-node.js';
import type { WidgetFiles } from '../server/backend/widget-files.js';
import { benchChromePath, chromeArgs } from '../scripts/chrome-path.js';
import { startStaticServer, type StaticServer } from '../test/support/static-server.js';

/** The portal's API prefix: the sandbox's, and the backend's below its base URL. */
export const API_PATH = '/api/patient/v1';

/** Where the practice's site passes requests to the backend. */
export const PREFIX = '/pb/';

/** One line of the sandbox request log, parsed: `GET /api/patient/v1/insurances 200 3ms`. */
export interface PortalHit {
  method: string;
  path: string;
  status: string;
}

/** The practice's web server with the backend behind its `/pb/`. */
export interface Site {
  /** The practice's web server: the benchmark's pages, and `/pb/` passed to the backend. */
  web: StaticServer;
  backend: StartedBackend;
  close(): Promise<void>;
}

export interface BenchStack extends Site {
  sandbox: Sandbox;
  portal: string;
  /** The widget's folder on the practice's site, `http://localhost:PORT/pb/` (the backend `B`). */
  base: string;
  /** `base` + `api/patient/v1`, no trailing slash. */
  apiBase: string;
  /** The built widget the backend serves (read once). */
  files: WidgetFiles;
  browser: Browser;
  /** Every request the sandbox answered since start (or since `hits.length = 0`). */
  hits: PortalHit[];
  /** A page embedding the widget with these attributes, served at `path`; its URL. */
  page(path: string, attrs?: Record<string, string>, lang?: string): string;
}

/** No per-IP budgets: the benchmark loads many pages and fires thousands of requests from one IP. */
export const NO_RATE_LIMIT = { limit: 0, proxyLimit: 0, windowSeconds: 60 } as const;

/** A sandbox that counts every request it answers into `hits` and never rate-limits. */
export async function countingSandbox(
  hits: PortalHit[],
  extra: Record<string, unknown> = {},
): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    env: {},
    quiet: false,
    rateLimit: 1_000_000_000,
    corsOrigins: [],
    log: (line) => {
      const [method = '?', path = '?', status = '?'] = line.split(' ');
      hits.push({ method, path, status });
    },
    ...extra,
  });
}

/**
 * The backend's settings on the benchmark's machine: the sandbox's demo client, no rate limits
 * and no booking budgets (every visit comes from one address and books).
 */
export function backendConfig(portal: string, extra: Partial<BackendConfig> = {}): BackendConfig {
  return {
    portalUrl: portal,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    allowedOrigins: [],
    rateLimit: NO_RATE_LIMIT,
    bookingLimits: { perIp: 0, perEmail: 0, perSlot: 0 },
    ...extra,
  };
}

/**
 * A practice's site: its web server (pages from `root`, `/pb/` passed to the backend) and the
 * backend serving `files`, configured once the web server's origin is known (callback pages,
 * allowed origins).
 */
export async function startSite(
  root: string,
  files: WidgetFiles,
  config: (web: StaticServer) => BackendConfig | Promise<BackendConfig>,
): Promise<Site> {
  const toBackend = { prefix: PREFIX, target: '' };
  const web = await startStaticServer(root, 'localhost', toBackend);
  const settings = await config(web);
  const backend = await startBackend({ port: 0, host: '127.0.0.1', ...settings }, { files });
  toBackend.target = backend.url.replace('localhost', '127.0.0.1');
  return {
    web,
    backend,
    close: async () => {
      await Promise.all([backend.close(), web.close()]);
    },
  };
}

export async function startBenchStack(root: string, dist: string): Promise<BenchStack> {
  const hits: PortalHit[] = [];
  const files = readWidgetFiles(dist);
  let sandbox: Sandbox | undefined;
  // The backend offers the patient login (as deployed): its callback page is on the site.
  const site = await startSite(root, files, async (web) => {
    const callback = `${web.origin}${PREFIX}callback.html`;
    sandbox = await countingSandbox(hits, { redirectUris: [callback] });
    return backendConfig(sandbox.url, { redirectUris: [callback] });
  });
  const portal = sandbox!;
  const browser = await chromium.launch({
    executablePath: benchChromePath(),
    args: chromeArgs,
    headless: true,
  });
  const base = `${site.web.origin}${PREFIX}`;
  return {
    ...site,
    sandbox: portal,
    portal: portal.url,
    base,
    apiBase: `${base}${API_PATH.slice(1)}`,
    files,
    browser,
    hits,
    page(path, attrs = {}, lang = 'en') {
      site.web.page(path, widgetHtml({ attrs, lang }));
      return `${site.web.origin}${path}`;
    },
    close: async () => {
      await browser.close();
      await Promise.all([site.close(), portal.close()]);
    },
  };
}

export interface PageOptions {
  attrs?: Record<string, string>;
  lang?: string;
  /** Extra lines in the head before the script (a preload hint). */
  head?: string;
  /** The widget's script; default the site's own `/pb/patient-booking.js`. */
  script?: string;
}

/** The host page: the module script in the head, the element in the body, nothing else. */
export function widgetHtml({ attrs = {}, lang = 'en', head = '', script }: PageOptions): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
${head}<script type="module" src="${script ?? `${PREFIX}patient-booking.js`}"></script></head>
<body><patient-booking${attributes}></patient-booking></body></html>`;
}

/** A fresh context and page; page errors are collected (a broken widget must not pass silently). */
export async function freshPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}
