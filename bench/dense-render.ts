// The day/time step of the sandbox's dense type 202 (a slot every 5 minutes at 3 locations):
// time from the click that opens the step to its times rendered, the part after the availabilities
// arrived, and the longest main-thread task in between (from a Chromium trace).
import type { Browser, Page } from 'playwright-core';
import { chooseInsurance } from './flow.js';
import { freshPage, type BenchStack } from './stack.js';

export const DENSE = { type: /Grippeschutzimpfung/, typeId: '202' } as const;

export interface DenseRun {
  /** Click on the type → first frame with the time buttons in the DOM. */
  clickToTimesMs: number;
  /** Availabilities response finished → that frame: decoding, grouping, rendering. */
  responseToTimesMs: number;
  /** Longest main-thread task between click and that frame (trace), ms. */
  longestTaskMs: number;
  /** Long tasks (> 50 ms) the page's own PerformanceObserver saw in that span. */
  longTasks: number[];
  /** Availabilities in the loaded window (the widget asks for 14 days). */
  inWindow: number;
  windowQuery: string;
  timeButtons: number;
  dayButtons: number;
}

export interface DenseResult {
  runs: DenseRun[];
  median: DenseRun;
  problems: string[];
}

const INSTRUMENT = `(() => {
  window.__pbLong = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__pbLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const all = (root, selector, out) => {
    out.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, out);
    return out;
  };
  document.addEventListener('click', () => {
    if (!window.__pbArmed) return;
    window.__pbArmed = false;
    window.__pbClick = performance.now();
    performance.mark('pb-click');
    const tick = () => {
      const times = all(document, 'button[part~="time"]', []);
      if (times.length === 0) return requestAnimationFrame(tick);
      window.__pbTimes = performance.now();
      performance.mark('pb-times');
      window.__pbCounts = { times: times.length, days: all(document, 'button[part~="day"]', []).length };
    };
    requestAnimationFrame(tick);
  }, true);
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
}

/** Longest RunTask on the thread that recorded the marks, overlapping [pb-click, pb-times]. */
export function longestTaskFromTrace(trace: Buffer): number | null {
  const parsed = JSON.parse(trace.toString('utf8')) as
    { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const click = events.find((e) => e.name === 'pb-click');
  const times = events.find((e) => e.name === 'pb-times');
  if (!click || !times) return null;
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== click.pid || e.tid !== click.tid) continue;
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const end = e.ts + (e.dur ?? 0);
    if (end < click.ts || e.ts > times.ts) continue;
    longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return longest;
}

async function oneRun(browser: Browser, url: string): Promise<DenseRun & { problems: string[] }> {
  const { context, page, problems } = await freshPage(browser);
  try {
    await page.addInitScript(INSTRUMENT);
    let inWindow = -1;
    let windowQuery = '';
    page.on('response', (response) => {
      const u = new URL(response.url());
      if (!u.pathname.endsWith(`/appointment_types/${DENSE.typeId}/availabilities`)) return;
      windowQuery = `from=${u.searchParams.get('from')} to=${u.searchParams.get('to')}`;
      void response
        .json()
        .then(
          (j: { data?: unknown[] }) => (inWindow = Math.max(inWindow, 0) + (j.data?.length ?? 0)),
        )
        .catch(() => undefined);
    });
    await page.goto(url);
    await chooseInsurance(page);
    const type = page.getByRole('button', { name: DENSE.type }).first();
    await type.waitFor({ timeout: 15_000 });
    await page.evaluate(() => ((window as unknown as { __pbArmed: boolean }).__pbArmed = true));
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
      ],
    });
    await type.click();
    await page.waitForFunction(() => '__pbTimes' in window, undefined, { timeout: 20_000 });
    const trace = await browser.stopTracing();
    const m = await page.evaluate((typeId) => {
      const w = window as unknown as {
        __pbClick: number;
        __pbTimes: number;
        __pbCounts: { times: number; days: number };
        __pbLong: Array<{ start: number; duration: number }>;
      };
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes(`/appointment_types/${typeId}/availabilities`)) as
        PerformanceResourceTiming | undefined;
      return {
        click: w.__pbClick,
        times: w.__pbTimes,
        counts: w.__pbCounts,
        responseEnd: entry?.responseEnd ?? w.__pbClick,
        long: w.__pbLong
          .filter((t) => t.start + t.duration >= w.__pbClick && t.start <= w.__pbTimes)
          .map((t) => Math.round(t.duration)),
      };
    }, DENSE.typeId);
    await waitFor(page, () => inWindow >= 0);
    const fromTrace = longestTaskFromTrace(trace);
    return {
      clickToTimesMs: m.times - m.click,
      responseToTimesMs: m.times - m.responseEnd,
      longestTaskMs: fromTrace ?? Math.max(0, ...m.long),
      longTasks: m.long,
      inWindow,
      windowQuery,
      timeButtons: m.counts.times,
      dayButtons: m.counts.days,
      problems,
    };
  } finally {
    await context.close();
  }
}

async function waitFor(page: Page, ready: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!ready() && Date.now() < until) await page.waitForTimeout(20);
}

export async function measureDenseRender(stack: BenchStack, runs = 3): Promise<DenseResult> {
  const url = stack.page('/dense.html');
  const results: DenseRun[] = [];
  const problems: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { problems: p, ...run } = await oneRun(stack.browser, url);
    results.push(run);
    problems.push(...p);
  }
  const sorted = [...results].sort((a, b) => a.responseToTimesMs - b.responseToTimesMs);
  return {
    runs: results,
    median: sorted[Math.floor(sorted.length / 2)]!,
    problems: [...new Set(problems)],
  };
}
