// Pages and observations for the embedding end-to-end tests (script tag, CMS markup, iframe,
// strict CSP): host pages served by the stack's static server, a recorder that runs in every
// frame (public events with their target, our postMessage traffic, CSP violations), and the
// guest booking as a patient drives it in English.
import { PUBLIC_EVENTS } from '../../src/contract/events.js';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { strictCsp as documentedCsp, type CspOptions } from '../../scripts/csp.js';
import {
  bookAsGuest as bookAsPatient,
  bookings,
  chooseType,
  fillDetails as fillPatient,
  pickTime,
  type Patient,
  type SandboxBooking,
  type Sandboxed,
  type Scope,
} from './faults.js';
import type { Stack } from './stack.js';
import { CSP_REPORT_PATH, type StaticServer } from './static-server.js';

export { PUBLIC_EVENTS } from '../../src/contract/events.js';

export interface SeenEvent {
  type: string;
  detail: Record<string, unknown>;
  /** `tag#id` of the event's target as the document sees it. */
  target: string;
  /** id of the nearest ancestor-or-self with an id. */
  host: string | null;
}

export interface Seen {
  events: SeenEvent[];
  /**
   * Every `message` event whose data says `source: 'patient-booking'`, accepted or not; `from` is
   * the id of the sending iframe, `self` or `other`.
   */
  messages: Array<{ origin: string; type: unknown; from: string }>;
  violations: Array<{ directive: string; blocked: string; sample: string }>;
}

/**
 * An HTML document; `head` and `body` are trusted test markup. `icon` keeps the browser from asking
 * for /favicon.ico (a strict `img-src 'self'` page needs a same-origin one).
 */
export function html(
  body: string,
  { head = '', lang = 'en', title = 'Host page', icon = 'data:,' } = {},
): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="${icon}">
<title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** Serves a script file (a page with a JavaScript content type). */
export function script(web: StaticServer, path: string, code: string): void {
  web.page(path, code, { 'content-type': 'text/javascript; charset=utf-8' });
}

/** `name="value"` pairs, escaped for a double-quoted attribute. */
export function attrs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join(' ');
}

/** The contract attributes every test page uses (no endpoint: the backend is the script's folder). */
export function widgetAttributes(_stack: Stack, extra: Record<string, string> = {}) {
  return { locale: 'en', ...extra };
}

/** `data-` + each contract attribute, for the CMS markup `<div data-patient-booking …>`. */
export function dataAttrs(values: Record<string, string>): string {
  return attrs(Object.fromEntries(Object.entries(values).map(([k, v]) => [`data-${k}`, v])));
}

/** embed.html on the stack's other origin, configured by query (`data-src` of iframe mode). */
export function embedHtmlUrl(stack: Stack, extra: Record<string, string> = {}): string {
  return `${stack.web.altOrigin}/dist/embed.html?${new URLSearchParams(widgetAttributes(stack, extra))}`;
}

/**
 * Runs in every frame before its scripts and records into `window.__pb`. Plain source text: tsx
 * would add helper calls to a function's compiled body that do not exist in the page.
 */
const RECORDER = `(() => {
  const seen = (window.__pb = { events: [], messages: [], violations: [] });
  for (const type of ${JSON.stringify(PUBLIC_EVENTS)}) {
    document.addEventListener(type, (e) => {
      const el = e.target;
      seen.events.push({
        type,
        detail: e.detail,
        target: el && el.tagName ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : String(el),
        host: (el && el.closest && el.closest('[id]') && el.closest('[id]').id) || null,
      });
    });
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.source === 'patient-booking') {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      const from = frame ? frame.id || 'iframe' : e.source === window ? 'self' : 'other';
      seen.messages.push({ origin: e.origin, type: e.data.type, from });
    }
  }, true);
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  }, true);
})();`;

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors of every frame. */
  problems: string[];
}

/** A fresh context and page with the recorder in every frame; navigates to `url`. */
export async function open(
  browser: Browser,
  url: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Opened> {
  const context = await browser.newContext(options);
  await context.addInitScript({ content: RECORDER });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** What the recorder has seen so far in `where` (the page or one of its frames). */
export async function seen(where: Page | Frame): Promise<Seen> {
  return where.evaluate(() => (window as unknown as { __pb: Seen }).__pb);
}

/** Polls `check` until it is true (or fails after `timeoutMs`). */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 5000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  // A check that never answers (page.evaluate on a page that hangs) ends at the deadline too.
  const checked = () =>
    Promise.race([
      Promise.resolve(check()),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`timed out waiting for ${what}`)),
          Math.max(0, end - Date.now()),
        ).unref(),
      ),
    ]);
  while (!(await checked())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type { Scope } from './faults.js';

/** The guest of the embedding tests. */
const ERIKA: Patient = {
  first: 'Erika',
  last: 'Mustermann',
  email: 'erika@example.com',
  bornOn: '1980-04-12',
  mobile: '+49 151 23456789',
};

/** Insurance and type, the first free time, the details; stops before the booking button. */
export async function fillUpToBooking(scope: Scope, email = ERIKA.email): Promise<void> {
  await chooseType(scope);
  await pickTime(scope);
  await fillDetails(scope, email);
}

/** The details step with the guest's details (`email` for telling bookings apart); not booked yet. */
export async function fillDetails(scope: Scope, email = ERIKA.email): Promise<void> {
  await fillPatient(scope, { ...ERIKA, email });
}

/** A whole guest booking, from the insurance step to the confirmation. */
export async function bookAsGuest(scope: Scope, email = ERIKA.email): Promise<void> {
  await bookAsPatient(scope, { ...ERIKA, email });
}

/** The documented strict policy (scripts/csp.ts), reporting to the static server. */
export function strictCsp(options: Omit<CspOptions, 'reportUri'>): string {
  return documentedCsp({ ...options, reportUri: CSP_REPORT_PATH });
}

/** What the widget connects to in the stack: its backend, on the page's own origin. */
export const connectOrigins = (_stack: Stack): string[] => ["'self'"];

/** The keys a `booking-confirmed` detail has, by the contract. */
export const CONFIRMED_KEYS = ['appointmentId', 'endsAt', 'guest', 'startsAt'];

/** The `booking-step-change` details of one whole guest booking (bookAsGuest), in order. */
export const GUEST_STEP_CHANGES = [
  { step: 'type', previousStep: null },
  { step: 'time', previousStep: 'type' },
  { step: 'details', previousStep: 'time' },
  { step: 'confirmed', previousStep: 'details' },
];

/** The details of the `type` events whose nearest element with an id is `#host`, in order. */
export function detailsOf(events: SeenEvent[], type: string, host: string) {
  return events.filter((e) => e.type === type && e.host === host).map((e) => e.detail);
}

/** An ISO time as a comparable instant; the widget and the sandbox may write other offsets. */
function instant(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : `not a time: ${String(value)}`;
}

/**
 * The sandbox stored exactly one appointment, a guest's, and `detail` (a `booking-confirmed`'s)
 * describes that one: its id, type and times.
 */
export async function assertConfirmedAsStored(
  stack: Sandboxed,
  detail: Record<string, unknown> | undefined,
): Promise<SandboxBooking> {
  const stored = await bookings(stack);
  assert.equal(stored.length, 1, 'exactly one appointment in the sandbox');
  const [booking] = stored as [SandboxBooking];
  assert.equal(booking.guest, true, 'stored as a guest booking');
  assert.deepEqual(
    detail && { ...detail, startsAt: instant(detail.startsAt), endsAt: instant(detail.endsAt) },
    {
      appointmentId: booking.id,
      startsAt: instant(booking.starts_at),
      endsAt: instant(booking.ends_at),
      guest: true,
    },
    'booking-confirmed describes the stored appointment',
  );
  return booking;
}
