// The whole product on loopback for end-to-end tests, deployed as a practice would: the sandbox
// portal, the booking backend serving the built dist/, and the practice's web server with the
// test's pages, which passes /dist/ to the backend (as nginx maps /pb/); plus headless Chromium.
import { PUBLIC_EVENTS } from '../../src/contract/events.js';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../server/sandbox/app.js';
import type { BackendConfig } from '../../server/backend/config.js';
import type { BackendStats } from '../../server/backend/handler.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { builtWidget } from './widget-dist.js';
import { chromeArgs, chromePath } from '../../scripts/chrome-path.js';
import { PLAIN_HTTP_RESOLVER, startStaticServer, type StaticServer } from './static-server.js';

/** The servers of the stack, without a browser (for tests that drive other engines). */
export interface Servers {
  /** The sandbox portal's URL (its control routes; the browser never calls it). */
  portal: string;
  /** The booking backend's own URL (the pages reach it as `<web origin>/dist/`). */
  backendUrl: string;
  /** The backend's counters (upstream requests, cache, refusals). */
  backendStats(): BackendStats;
  /**
   * Every token the portal's token endpoint issued to the backend (guest, patient access and
   * refresh tokens), as the backend received them: what the privacy audit looks for in the page.
   */
  portalTokens: { access: string[]; refresh: string[] };
  /** The login popup's callback page (registered with the sandbox and the backend). */
  callbackUrl: string;
  /** The sandbox in-process: its state shows what the widget changed. */
  sandbox: Sandbox;
  web: StaticServer;
  /**
   * Requests that pages opened with `openPage` made to any origin but the web server's (the
   * practice's site, where the backend is): the widget talks to its backend only. Windows the
   * page opens (the login popup on the portal, a video call) are theirs, not the widget's.
   */
  foreignRequests: string[];
  /** POST JSON to a sandbox control route (`/__sandbox/...`). */
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface Stack extends Servers {
  browser: Browser;
}

export interface StackOptions {
  sandbox?: Record<string, unknown>;
  /** Overrides of the backend's config (e.g. `rateLimit`). */
  backend?: Partial<BackendConfig>;
  /** More origins whose pages embed the widget (besides the web server's own names). */
  embeddingOrigins?: string[];
  /** Show the page's scrollbars as a desktop browser does (headless hides them). */
  scrollbars?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const servers = await startServers(options);
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: [...chromeArgs, PLAIN_HTTP_RESOLVER],
    ...(options.scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    headless: true,
  });
  return {
    ...servers,
    browser,
    close: async () => {
      await browser.close();
      await servers.close();
    },
  };
}

/** The sandbox, the backend and the practice's web server (see `startStack`), no browser. */
export async function startServers(options: StackOptions = {}): Promise<Servers> {
  // The practice's web server first (its origins go into the others' configuration); its /dist/
  // reaches the backend once that runs.
  const toBackend = { prefix: '/dist/', target: '' };
  const web = await startStaticServer(resolve('.'), 'localhost', toBackend);
  // Both names of the web server: iframe tests put the host page on one and embed.html on the
  // other; the plain-http name is for pages that are not secure contexts.
  const origins = [web.origin, web.altOrigin, web.plainOrigin];
  const callbackUrl = `${web.origin}/dist/callback.html`;
  const redirectUris = origins.map((o) => `${o}/dist/callback.html`);
  const sandbox = await startSandbox({
    port: 0,
    quiet: true,
    redirectUris,
    // No browser calls the portal: only the backend does (and the login popup navigates to it).
    corsOrigins: [],
    ...options.sandbox,
  });
  const portalTokens = { access: [] as string[], refresh: [] as string[] };
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/oauth/token') && response.ok) {
      const body = (await response.clone().json()) as Record<string, unknown>;
      if (typeof body.access_token === 'string') portalTokens.access.push(body.access_token);
      if (typeof body.refresh_token === 'string') portalTokens.refresh.push(body.refresh_token);
    }
    return response;
  };
  const backend = await startBackend(
    {
      port: 0,
      portalUrl: sandbox.url,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      // The iframe tests frame embed.html from the other names.
      allowedOrigins: [...origins, ...(options.embeddingOrigins ?? [])],
      redirectUris,
      // Behind the practice's web server, as behind nginx: its forwarding is trusted.
      trustProxy: ['127.0.0.1', '::1'],
      // Every test browser shares one loopback IP: per-IP limits would throttle the suite itself.
      rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
      bookingLimits: { perIp: 0, perEmail: 0, perSlot: 0 },
      // A guest's proof of work as a light one (the browser tries some 500 numbers, not 50 000):
      // the widget solves and sends it on every booking all the same; what the production default
      // costs a script is measured where that is the subject (bot-booking.test.ts).
      proof: { maxNumber: 1000 },
      // Tests reset the sandbox and inject faults between pages: nothing may be served from an
      // earlier test's answers (the cache has tests of its own, in test/server/).
      cache: { catalogueTtlSeconds: 0, availabilityTtlSeconds: 0 },
      ...options.backend,
    },
    { log: () => {}, files: builtWidget(), fetch: recordingFetch },
  );
  toBackend.target = backend.url;
  const control = async (path: string, body?: unknown, method = 'POST') => {
    const send = () =>
      fetch(`${sandbox.url}/__sandbox${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // A kept-alive connection the sandbox closed as idle just as this request took it (seen once
    // with the load average at 20: "fetch failed", the socket closed by the other side) carried
    // no request: sent once more on a new one.
    const res = await send()
      .catch((error: unknown) => {
        if (!closedSocket(error)) throw error;
        return send();
      })
      .catch((error: unknown) => {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(`sandbox control ${path}: ${cause?.code ?? cause?.message ?? error}`, {
          cause: error,
        });
      });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : null;
  };
  return {
    portal: sandbox.url,
    backendUrl: backend.url,
    foreignRequests: [],
    backendStats: () => backend.stats(),
    portalTokens,
    callbackUrl,
    sandbox,
    web,
    control,
    close: async () => {
      await Promise.all([backend.close(), sandbox.close(), web.close()]);
    },
  };
}

/** A page embedding the built widget with the given attributes, served at `path`. */
export function widgetPage(
  stack: Servers,
  path: string,
  attrs: Record<string, string> = {},
  lang = 'de',
): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => `${k}="${v.replace(/"/g, '&quot;')}"`)
    .join(' ');
  stack.web.page(
    path,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="/dist/patient-booking.js"></script></head>
<body><patient-booking ${attributes}></patient-booking></body></html>`,
  );
  return `${stack.web.origin}${path}`;
}

/** A fresh browser context and page; console errors and page errors are collected. */
export async function openPage(
  stack: Stack,
  url: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await stack.browser.newContext(options);
  const page = await context.newPage();
  const own = new Set([stack.web.origin, stack.web.altOrigin, stack.web.plainOrigin]);
  context.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (own.has(origin) || origin === 'null' || !/^https?:/.test(origin)) return;
    if (request.frame().page() !== page) return; // a window the page opened
    stack.foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  await recordEvents(page);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** The public events the page has seen so far, in order. */
export async function eventsOf(
  page: Page,
): Promise<Array<{ type: string; detail: Record<string, unknown> }>> {
  return page.evaluate(() => (window as unknown as { __events: [] }).__events);
}

/** Collects the widget's public events on the page (window.__events). */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript((names) => {
    const w = window as unknown as { __events: Array<{ type: string; detail: unknown }> };
    w.__events = [];
    for (const type of names) {
      document.addEventListener(type, (e) =>
        w.__events.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
  }, PUBLIC_EVENTS);
}

/** A fetch that failed because the server had closed the reused connection. */
function closedSocket(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}
