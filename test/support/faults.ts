import { EVENT_REGISTRY, PUBLIC_EVENTS } from '../../src/contract/events.js';
// Fault injection and observation for the end-to-end reliability, privacy and bad-input suites:
// sandbox faults with a tally, a network log of one browser context, the booking flow as a
// patient drives it (English), and looks into the widget's shadow DOM.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { startSandbox } from '../../server/sandbox/app.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { builtWidget } from './widget-dist.js';
import type { BackendStats } from '../../server/backend/handler.js';
import type { Stack } from './stack.js';

/** Whatever has a sandbox's control routes: the stack, or a second portal. */
export type Sandboxed = Pick<Stack, 'control'>;

/** One queued sandbox fault (`POST /__sandbox/faults`, see server/sandbox/faults.ts). */
export interface Fault {
  method?: string;
  path: string;
  times?: number;
  status?: number;
  retryAfter?: number;
  body?: string;
  contentType?: string;
  drop?: 'before' | 'after' | 'midway';
  transform?: { add?: Record<string, unknown>; remove?: string[] };
}

/** Counts for the suite's summary: what was injected and tried, and what went wrong. */
export interface Tally {
  faults: number;
  badInputs: number;
  duplicates: number;
  leaks: number;
}

export function newTally(): Tally {
  return { faults: 0, badInputs: 0, duplicates: 0, leaks: 0 };
}

/** One line per test file, e.g. `# tally fault-network: faults 14, bad inputs 0, …`. */
export function printTally(file: string, tally: Tally): void {
  console.log(
    `# tally ${file}: faults injected and survived ${tally.faults}, bad inputs ${tally.badInputs}, ` +
      `duplicate appointments ${tally.duplicates}, leaks ${tally.leaks}`,
  );
}

/** Queues faults at the sandbox; each use (times) counts as one injected fault. */
export async function inject(stack: Sandboxed, tally: Tally, ...faults: Fault[]): Promise<void> {
  const answer = (await stack.control('/faults', { faults })) as { message?: string };
  assert.ok(!answer.message, `sandbox refused the faults: ${answer.message}`);
  tally.faults += faults.reduce((n, f) => n + (f.times ?? 1), 0);
}

/** The faults not yet taken by a request. */
export async function pendingFaults(stack: Sandboxed): Promise<Fault[]> {
  return ((await stack.control('/faults', undefined, 'GET')) as { data: Fault[] }).data;
}

/** Every injected fault was met by a request (so the test really survived it). */
export async function assertFaultsUsed(stack: Sandboxed): Promise<void> {
  assert.deepEqual(await pendingFaults(stack), [], 'every injected fault was hit');
}

export interface SandboxBooking {
  id: string;
  appointment_type_id: number;
  starts_at: string;
  ends_at: string;
  location_id: string | number | null;
  guest: boolean;
  patient_data: Record<string, unknown>;
  asap_list_subscription: { email: string } | null;
}

/** Appointments made through `POST /booking` since the last reset. */
export async function bookings(stack: Sandboxed): Promise<SandboxBooking[]> {
  return ((await stack.control('/bookings', undefined, 'GET')) as { data: SandboxBooking[] }).data;
}

/** Appointments that share a slot (start and location) with an earlier one: must be none. */
export function duplicates(list: SandboxBooking[]): SandboxBooking[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const key = `${b.starts_at}|${b.location_id}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

/** Asserts `expected` appointments and no two in one slot; counts duplicates in the tally. */
export async function assertBookings(
  stack: Sandboxed,
  tally: Tally,
  expected: number,
): Promise<SandboxBooking[]> {
  const list = await bookings(stack);
  const twice = duplicates(list);
  tally.duplicates += twice.length + Math.max(0, list.length - expected);
  assert.equal(twice.length, 0, 'no slot booked twice');
  assert.equal(list.length, expected, `exactly ${expected} appointment(s)`);
  return list;
}

export async function sandboxConfig(
  stack: Sandboxed,
  settings: Record<string, number>,
): Promise<void> {
  await stack.control('/config', settings);
}

/** A guest token straight from the sandbox portal, as the test's "other patient" uses it. */
export async function guestToken(stack: Stack): Promise<string> {
  const res = await fetch(`${stack.portal}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa('demo-client:demo-secret')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=basic',
  });
  assert.equal(res.status, 200, 'the portal gives a guest token');
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * A second sandbox and backend for the same pages and browser (other settings), reached by the
 * script-tag pages' `backend` attribute (a backend on another origin).
 */
export interface PortalPair {
  portal: string;
  /** The second backend's base URL, for the `backend` attribute. */
  backend: string;
  backendStats(): BackendStats;
  control: Stack['control'];
  close(): Promise<void>;
}

export async function startPortalPair(
  stack: Stack,
  sandboxOptions: Record<string, unknown>,
): Promise<PortalPair> {
  const sandbox = await startSandbox({ port: 0, quiet: true, ...sandboxOptions });
  const backend = await startBackend(
    {
      port: 0,
      portalUrl: sandbox.url,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins: [stack.web.origin, stack.web.altOrigin, stack.web.plainOrigin],
      rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
    },
    { log: () => {}, files: builtWidget() },
  );
  const control: Stack['control'] = async (path, body, method = 'POST') => {
    const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : null;
  };
  return {
    portal: sandbox.url,
    backend: `${backend.url}/`,
    backendStats: () => backend.stats(),
    control,
    close: async () => {
      await Promise.all([backend.close(), sandbox.close()]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Network log

export interface NetEntry {
  request: Request;
  method: string;
  url: URL;
  /** Pathname below the API root (`/insurances`), or the whole pathname elsewhere. */
  path: string;
  headers: Record<string, string>;
  status?: number;
  failed?: string;
  /** Node's clock when the request and its answer were seen. */
  sentAt: number;
  doneAt?: number;
  /** The answer's headers and body, read as it came (a closed popup's answers stay readable). */
  answer?: Promise<Answer>;
}

export interface Answer {
  headers: Array<{ name: string; value: string }>;
  body: string;
}

const API_PREFIX = '/api/patient/v1';

/** Every request of a browser context, in order, with status or failure. */
export class NetLog {
  readonly entries: NetEntry[] = [];
  private readonly byRequest = new Map<Request, NetEntry>();

  constructor(context: BrowserContext) {
    context.on('request', (request) => {
      const url = new URL(request.url());
      // The API is below the backend's base (`/dist/api/patient/v1/…` in the stack).
      const at = url.pathname.indexOf(API_PREFIX);
      const path = at >= 0 ? url.pathname.slice(at + API_PREFIX.length) : url.pathname;
      const entry: NetEntry = {
        request,
        method: request.method(),
        url,
        path,
        headers: request.headers(),
        sentAt: Date.now(),
      };
      this.entries.push(entry);
      this.byRequest.set(request, entry);
    });
    context.on('response', (response) => {
      const entry = this.byRequest.get(response.request());
      if (!entry) return;
      entry.status = response.status();
      entry.doneAt = Date.now();
      entry.answer = Promise.all([
        response.headersArray().catch(() => []),
        response.text().catch(() => ''), // redirects have no body
      ]).then(([headers, body]) => ({ headers, body }));
    });
    context.on('requestfailed', (request) => {
      const entry = this.byRequest.get(request);
      if (!entry) return;
      entry.failed = request.failure()?.errorText ?? 'failed';
      entry.doneAt = Date.now();
    });
  }

  /**
   * Waits (up to 5 s) until `entries` (default: all) have their answer or failed: Playwright may
   * report an answer a little after the page has already used it.
   */
  async settle(entries: NetEntry[] = this.entries): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (entries.some((e) => e.doneAt === undefined) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** API requests (method and path below the API root matching), once they are done. */
  async api(method: string, path: RegExp): Promise<NetEntry[]> {
    const found = this.entries.filter(
      (e) => e.url.pathname.includes(API_PREFIX) && e.method === method && path.test(e.path),
    );
    await this.settle(found);
    return found;
  }

  /** Requests to an exact URL, once they are done. */
  async to(url: string, method = 'POST'): Promise<NetEntry[]> {
    const found = this.entries.filter((e) => e.method === method && e.url.href === url);
    await this.settle(found);
    return found;
  }
}

/**
 * Browser-clock times of a finished request: when it started and when its answer had arrived
 * (Node's clock when the browser's timing is not available).
 */
export function timesOf(entry: NetEntry): { start: number; end: number; answered: number } {
  const t = entry.request.timing();
  if (t.startTime > 0 && t.responseEnd >= 0) {
    const answered = t.startTime + (t.responseStart >= 0 ? t.responseStart : t.responseEnd);
    return { start: t.startTime, end: t.startTime + t.responseEnd, answered };
  }
  const end = entry.doneAt ?? entry.sentAt;
  return { start: entry.sentAt, end, answered: end };
}

/**
 * Asserts that after every 429 (and 503 with Retry-After) in `entries` (one endpoint, in order)
 * the next request came only
 * once its Retry-After had passed, and (unless `retried` is false) that there was a next one.
 * Returns the waits seen, in ms.
 */
export async function assertRetryAfterKept(
  entries: NetEntry[],
  { retried = true } = {},
): Promise<number[]> {
  const waits: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const header = (await entry.answer)?.headers.find((h) => /^retry-after$/i.test(h.name));
    if (entry.status !== 429 && !(entry.status === 503 && header)) continue;
    const next = entries[i + 1];
    if (!next && !retried) continue; // still waiting when the test ended: not early either
    assert.ok(next, `a retry follows the ${entry.status} of ${entry.method} ${entry.path}`);
    const retryAfter = Number(header?.value ?? NaN);
    assert.ok(retryAfter > 0, `the ${entry.status} carried Retry-After`);
    // Retry-After counts from the answer, so from its first byte: the widget's wait starts when the
    // status arrives, while the rest of the 429's body may still be on its way.
    const gap = timesOf(next).start - timesOf(entry).answered;
    // 5 ms for timer and clock granularity: the widget waits Retry-After plus jitter.
    assert.ok(
      gap >= retryAfter * 1000 - 5,
      `${entry.method} ${entry.path}: next request ${Math.round(gap)} ms after the 429, ` +
        `Retry-After ${retryAfter} s`,
    );
    waits.push(gap);
  }
  return waits;
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface Opened {
  context: BrowserContext;
  page: Page;
  net: NetLog;
  /** Uncaught exceptions and unhandled rejections of the page. */
  uncaught: string[];
  /** Every console message, any level, of the page and its popups. */
  console: string[];
  /** Dialogs (alert, confirm, prompt) the page tried to open; they are dismissed. */
  dialogs: string[];
}

/**
 * A fresh context and page with a network log, the public events recorded (window.__events, as
 * `eventsOf` reads them), and uncaught errors, console messages and dialogs collected.
 */
export async function openLogged(
  stack: Stack,
  url: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Opened> {
  const context = await stack.browser.newContext(options);
  const net = new NetLog(context);
  const page = await context.newPage();
  const opened: Opened = { context, page, net, uncaught: [], console: [], dialogs: [] };
  page.on('pageerror', (e) => opened.uncaught.push(e.message));
  // The context's console: the page's, and its popups' (the login callback page).
  context.on('console', (m) => opened.console.push(`${m.type()}: ${m.text()}`));
  page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  await page.addInitScript((names) => {
    const w = window as unknown as { __events: Array<{ type: string; detail: unknown }> };
    w.__events = [];
    for (const type of names) {
      document.addEventListener(type, (e) =>
        w.__events.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
  }, PUBLIC_EVENTS);
  await page.goto(url);
  return opened;
}

/** The `booking-error` details the host page has seen. */
export async function errorEvents(page: Page): Promise<Array<Record<string, unknown>>> {
  const events = await page.evaluate(
    () => (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events,
  );
  return events
    .filter((e) => e.type === 'booking-error')
    .map((e) => e.detail as Record<string, unknown>);
}

// ---------------------------------------------------------------------------------------------
// The booking flow, as a patient drives it (locale en)

/** Where the flow is driven: a page, a frame locator or an element's locator. */
export type Scope = Pick<Locator, 'getByRole' | 'getByLabel' | 'locator'>;

export interface Patient {
  first: string;
  last: string;
  email: string;
  bornOn: string;
  mobile: string;
  /** The note to the practice, when given. */
  note?: string;
}

export const PATIENT: Patient = {
  first: 'Ottilie',
  last: 'Quastenflosser',
  email: 'ottilie.quastenflosser@example.org',
  bornOn: '1971-02-03',
  mobile: '+49 151 99887766',
  note: 'Befund Quastenflosser bringe ich mit',
};

/** The first screen's insurance radio (the types below follow it). */
export const insuranceRadio = (page: Scope, name: RegExp = /Techniker Krankenkasse/) =>
  page.getByRole('radio', { name });

/** The first screen: Techniker Krankenkasse, then Hausärztliche Beratung (type 199, Allgemeinmedizin). */
export async function chooseType(page: Scope): Promise<void> {
  await insuranceRadio(page).check();
  await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
}

export const timeButtons = (page: Scope) => page.getByRole('button', { name: /^\d{1,2}:\d{2}/ });

/** Picks the n-th free time of the shown day; returns its label. */
export async function pickTime(page: Scope, index = 0): Promise<string> {
  const time = timeButtons(page).nth(index);
  await shownOrSay(page, time);
  const label = (await time.textContent())?.trim() ?? '';
  await time.click();
  return label;
}

/**
 * Waits until `target` is shown; if it never is, the error says what the widget showed instead
 * (a choice that did not take, an error), its step views' shadow roots included.
 */
async function shownOrSay(page: Scope, target: Locator): Promise<void> {
  await target.waitFor().catch(async (error: Error) => {
    const screen = await widgetText(page).catch(() => '(not readable)');
    throw new Error(`${error.message}\non the screen: ${screen}`);
  });
}

/** Fills the details form (the fields the type asks for); the booking button is below it. */
export async function fillDetails(page: Scope, p: Patient = PATIENT): Promise<void> {
  await shownOrSay(page, page.getByLabel('First name'));
  await page.getByLabel('First name').fill(p.first);
  await page.getByLabel('Last name').fill(p.last);
  await page.getByLabel('Email address').fill(p.email);
  await page.getByLabel('Date of birth').fill(p.bornOn);
  const mobile = page.getByLabel(/Mobile number/);
  if (await mobile.count()) await mobile.fill(p.mobile);
  if (p.note) await page.getByLabel(/Note to the practice/).fill(p.note);
  await bookNow(page).waitFor();
}

/** An element's text in document order, its shadow roots included (for `evaluate`). */
const deepText = (el: Element): string => {
  const parts: string[] = [];
  const stack: Node[] = [el.shadowRoot ?? el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && /^(STYLE|SCRIPT)$/.test(node.tagName)) continue;
    const shadow = node instanceof Element && node.shadowRoot;
    const children = [
      ...(shadow ? Array.from(shadow.childNodes) : []),
      ...Array.from(node.childNodes),
    ];
    stack.push(...children.reverse());
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
};

/** The booking button under the details form. */
export const bookNow = (page: Scope) => page.getByRole('button', { name: /^Book appointment$/ });
export const confirmation = (page: Scope) =>
  page.getByRole('heading', { name: 'Your appointment is booked' });

/** From the loaded page to the confirmation. */
export async function bookAsGuest(page: Scope, p: Patient = PATIENT): Promise<void> {
  await chooseType(page);
  await pickTime(page);
  await fillDetails(page, p);
  await bookNow(page).click();
  await shownOrSay(page, confirmation(page));
}

/** The waiting notice the root shows while the HTTP layer waits before a retry. */
export const waitingNotice = (page: Page) =>
  page.getByRole('status').filter({ hasText: /try again automatically in \d+ seconds?/ });

// Functions passed to page.evaluate avoid named inner functions: tsx would wrap those in a
// `__name` helper that does not exist in the page.

/** The text of every widget in `scope`, shadow roots included (one space between text nodes). */
export async function widgetText(scope: Scope): Promise<string> {
  const widgets = await scope.locator('patient-booking').all();
  return (await Promise.all(widgets.map((widget) => widget.evaluate(deepText)))).join(' ');
}

/** How many elements match `selector` in the document and every shadow root in it. */
export async function countDeep(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let n = 0;
    const roots: Array<Document | ShadowRoot> = [document];
    while (roots.length) {
      const root = roots.pop()!;
      n += root.querySelectorAll(sel).length;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return n;
  }, selector);
}

/** Every public event's detail holds only these keys (ids, times, codes; no patient data). */
export const EVENT_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(EVENT_REGISTRY).map(([name, fields]) => [name, Object.keys(fields).sort()]),
);
