// The product on loopback for the benchmark: a static server with the built widget, the sandbox
// portal (its request log kept, to count what reaches the portal), the token server and headless
// Chromium. Like test/support/stack.ts, but serving any build directory and counting requests.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../server/sandbox/app.js';
import type { BackendConfig } from '../server/backend/config.js';
import { startBackend, type StartedBackend } from '../server/backend/node-adapter.js';
import { chromeArgs, chromePath } from '../scripts/chrome-path.js';
import { startStaticServer, type StaticServer } from '../test/support/static-server.js';

/** The portal's API prefix (the sandbox's and the token server proxy's). */
export const API_PATH = '/api/patient/v1';

/** One line of the sandbox request log, parsed: `GET /api/patient/v1/insurances 200 3ms`. */
export interface PortalHit {
  method: string;
  path: string;
  status: string;
}

export interface BenchStack {
  web: StaticServer;
  sandbox: Sandbox;
  tokenServer: StartedBackend;
  portal: string;
  tokenUrl: string;
  browser: Browser;
  /** Every request the sandbox answered since start (or since `hits.length = 0`). */
  hits: PortalHit[];
  /** A page embedding the built widget with these attributes, served at `path`; its URL. */
  page(path: string, attrs?: Record<string, string>, lang?: string): string;
  close(): Promise<void>;
}

/** No per-IP budgets: the benchmark loads many pages and fires thousands of requests. */
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
    log: (line) => {
      const [method = '?', path = '?', status = '?'] = line.split(' ');
      hits.push({ method, path, status });
    },
    ...extra,
  });
}

export async function startBenchStack(
  root: string,
  tokenServerExtra: Partial<BackendConfig> = {},
): Promise<BenchStack> {
  const web = await startStaticServer(root);
  const hits: PortalHit[] = [];
  const sandbox = await countingSandbox(hits, {
    redirectUris: [`${web.origin}/dist/callback.html`],
  });
  const tokenServer = await startBackend({
    port: 0,
    portalUrl: sandbox.url,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    allowedOrigins: [web.origin],
    rateLimit: NO_RATE_LIMIT,
    ...tokenServerExtra,
  });
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: chromeArgs,
    headless: true,
  });
  const stack: BenchStack = {
    web,
    sandbox,
    tokenServer,
    portal: sandbox.url,
    tokenUrl: `${tokenServer.url}/token`,
    browser,
    hits,
    page(path, attrs = {}, lang = 'en') {
      web.page(
        path,
        widgetHtml({ 'portal-url': sandbox.url, 'token-url': stack.tokenUrl, ...attrs }, lang),
      );
      return `${web.origin}${path}`;
    },
    close: async () => {
      await browser.close();
      await Promise.all([tokenServer.close(), sandbox.close(), web.close()]);
    },
  };
  return stack;
}

/** The host page: the module script in the head, the element in the body, nothing else. */
export function widgetHtml(attrs: Record<string, string>, lang = 'en'): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => `${k}="${v.replace(/"/g, '&quot;')}"`)
    .join(' ');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="/dist/patient-booking.js"></script></head>
<body><patient-booking ${attributes}></patient-booking></body></html>`;
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

/** The first insurance option as a patient sees it (a button named after the insurance). */
export const FIRST_INSURANCE = /Techniker Krankenkasse/;
