// Sequential round trips on a modelled network: a cold visit (fresh browser context: empty cache,
// no open connections) to a page whose origins are each behind their own delay proxy, timed from
// navigation start to a condition, then optional steps timed from their action. Time ÷ RTT is the
// number of round trips that had to follow one another, whatever ran in parallel beside them.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  startDelayProxy,
  type DelayProxy,
  type DelayProxyOptions,
  type DelayProxyStats,
} from './delay-proxy.js';
import { epochMs } from './delayed-lane.js';
import { reached, watcher, type Until } from './wait-until.js';

export type { Until } from './wait-until.js';

/** Something a user does after the first screen, and what it must lead to. */
export interface RoundTripsStep {
  name: string;
  /** Done before the clock starts (filling a form: no network, the browser's own time). */
  prepare?: (page: Page) => Promise<void>;
  act: (page: Page) => Promise<void>;
  until: Until;
}

export interface RoundTripsOptions {
  browser: Browser;
  /** The page, through its delay proxy (`proxies.page.origin + path`). */
  url: string;
  rttMs: number;
  until: Until;
  /** Every origin the page uses, each behind its own proxy, by name (page, backend, …). */
  proxies: Record<string, DelayProxy>;
  steps?: RoundTripsStep[];
  /** Per measurement; default 60 round trips + 10 s. */
  timeoutMs?: number;
  /** Options of the fresh context (viewport, locale, ignoreHTTPSErrors, …). */
  context?: BrowserContextOptions;
  /** Runs on the fresh page before it navigates (init scripts, listeners). */
  prepare?: (page: Page) => Promise<void>;
}

/** A connection opened or a request sent, after the measurement's start. */
export interface TimelineEntry {
  origin: string;
  connection: number;
  kind: 'connect' | 'request';
  line?: string;
  ms: number;
  roundTrips: number;
}

export interface Measured {
  /** `navigation`, or the step's name. */
  name: string;
  ms: number;
  /** ms ÷ RTT, to one decimal. */
  roundTrips: number;
  connections: number;
  exchanges: number;
  /** The proxies' worst lateness (ms): beyond a few ms the machine, not the browser, added time. */
  maxLateMs: number;
  perOrigin: Record<string, DelayProxyStats>;
  timeline: TimelineEntry[];
}

export interface RoundTripsResult {
  first: Measured;
  steps: Measured[];
  /** Page errors, failed requests and requests to an origin without a proxy (they were not delayed). */
  problems: string[];
}

const LOOPBACK_NAME = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/;

export const toRoundTrips = (ms: number, rttMs: number): number =>
  Math.round((ms / rttMs) * 10) / 10;

function measured(name: string, start: number, end: number, o: RoundTripsOptions): Measured {
  const perOrigin: Record<string, DelayProxyStats> = {};
  const timeline: TimelineEntry[] = [];
  for (const [origin, proxy] of Object.entries(o.proxies)) {
    perOrigin[origin] = proxy.stats();
    for (const { at, ...event } of proxy.events())
      if (at <= end + 1)
        timeline.push({
          origin,
          ...event,
          ms: at - start,
          roundTrips: toRoundTrips(at - start, o.rttMs),
        });
  }
  const stats = Object.values(perOrigin);
  return {
    name,
    ms: end - start,
    roundTrips: toRoundTrips(end - start, o.rttMs),
    connections: stats.reduce((n, s) => n + s.connections, 0),
    exchanges: stats.reduce((n, s) => n + s.exchanges, 0),
    maxLateMs: Math.max(0, ...stats.map((s) => s.maxLateMs)),
    perOrigin,
    timeline: timeline.sort((a, b) => a.ms - b.ms),
  };
}

/** A cold visit to `url`, timed to `until`, then each step timed from its action. */
export async function measureRoundTrips(o: RoundTripsOptions): Promise<RoundTripsResult> {
  const timeout = o.timeoutMs ?? 60 * o.rttMs + 10_000;
  const proxies = Object.values(o.proxies);
  const ports = new Set(proxies.map((p) => String(p.port)));
  const problems: string[] = [];
  const context = await o.browser.newContext(o.context);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      const proxied = LOOPBACK_NAME.test(url.hostname) && ports.has(url.port);
      if (/^(http|https|ws|wss):$/.test(url.protocol) && !proxied)
        problems.push(`not through a delay proxy: ${r.url()}`);
    });
    await o.prepare?.(page);
    if ('inPage' in o.until) await page.addInitScript({ content: watcher(o.until) });
    for (const proxy of proxies) proxy.reset();
    await page.goto(o.url, { waitUntil: 'commit', timeout });
    const end = await reached(page, o.until, timeout, 'inPage' in o.until);
    const start = await page.evaluate(() => performance.timeOrigin);
    const first = measured('navigation', start, end, o);
    const steps: Measured[] = [];
    for (const step of o.steps ?? []) {
      await step.prepare?.(page);
      for (const proxy of proxies) proxy.reset();
      const t0 = epochMs();
      await step.act(page);
      steps.push(measured(step.name, t0, await reached(page, step.until, timeout, false), o));
    }
    return { first, steps, problems: [...new Set(problems)] };
  } finally {
    await context.close();
  }
}

export interface DelayProxySet<Name extends string> {
  proxies: Record<Name, DelayProxy>;
  close(): Promise<void>;
}

/** One delay proxy per named loopback port, all at the same RTT (each name its own origin). */
export async function startDelayProxies<Name extends string>(
  targets: Record<Name, number>,
  rttMs: number,
  extra: Pick<DelayProxyOptions, 'handshakeRtts' | 'host' | 'maxConnections'> = {},
): Promise<DelayProxySet<Name>> {
  const entries = await Promise.all(
    Object.entries<number>(targets).map(
      async ([name, port]) =>
        [name, await startDelayProxy({ ...extra, target: { port }, rttMs })] as const,
    ),
  );
  return {
    proxies: Object.fromEntries(entries) as Record<Name, DelayProxy>,
    close: async () => {
      await Promise.all(entries.map(([, p]) => p.close()));
    },
  };
}

/** `navigation: 4.1 RT (1240 ms), 1 connection(s), 3 exchange(s)`, then the timeline, a line each. */
export function describeMeasured(m: Measured): string {
  const lines = [
    `${m.name}: ${m.roundTrips.toFixed(1)} RT (${Math.round(m.ms)} ms), ${m.connections} connection(s), ${m.exchanges} exchange(s), proxy late ≤ ${Math.ceil(m.maxLateMs)} ms`,
  ];
  for (const e of m.timeline)
    lines.push(
      `  ${e.roundTrips.toFixed(1).padStart(4)} RT  ${e.origin} #${e.connection} ${e.kind === 'connect' ? 'connect' : (e.line ?? 'request')}`,
    );
  return lines.join('\n');
}
