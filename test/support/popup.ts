// Observations for the popup and floating modes' tests: where the focus is (through shadow
// roots), whether a widget's dialog is open, the page's geometry (to measure layout shift), axe on
// one widget. (Their stack shows classic scrollbars, `startStack({ scrollbars: true })`: Playwright
// hides them by default, which would hide the layout shift a removed scrollbar causes.)
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLIC_EVENTS } from '../../src/contract/events.js';
import { NetLog } from './faults.js';
import type { Stack } from './stack.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The focused element, through shadow roots: its `part`, else `tag#id`, and whether it is inside
 * a dialog. String scripts: tsx would add a helper to a function's body that the page lacks.
 */
export async function focused(page: Page): Promise<{ name: string; inDialog: boolean } | null> {
  return page.evaluate(`(() => {
    let a = document.activeElement;
    let inDialog = false;
    while (a) {
      inDialog = inDialog || !!a.closest('dialog');
      if (!a.shadowRoot || !a.shadowRoot.activeElement) break;
      a = a.shadowRoot.activeElement;
    }
    if (!a || a === document.body) return null;
    const name = a.getAttribute('part') || a.tagName.toLowerCase() + (a.id ? '#' + a.id : '');
    return { name, inDialog };
  })()`);
}

/** Whether the dialog of the widget `selector` is open (modal). */
export async function dialogOpen(page: Page, selector = 'patient-booking'): Promise<boolean> {
  return page.evaluate(
    `!!document.querySelector(${JSON.stringify(selector)})?.shadowRoot?.querySelector('dialog[open]')`,
  );
}

/**
 * Records, on every frame, where the dialog found by the script `dialog` starts (its top, px),
 * until the dialog closes; `dialogTops` reads the distinct values seen. A dialog whose top moves
 * while a step grows moves what the patient is about to click.
 */
export async function trackDialogTop(page: Page, dialog: string): Promise<void> {
  await page.evaluate(`(() => {
    const d = ${dialog};
    window.__dialogTops = [];
    const sample = () => {
      const top = Math.round(d.getBoundingClientRect().top);
      if (window.__dialogTops[window.__dialogTops.length - 1] !== top) window.__dialogTops.push(top);
      if (d.open) requestAnimationFrame(sample);
    };
    sample();
  })()`);
}

export const dialogTops = (page: Page): Promise<number[]> => page.evaluate('window.__dialogTops');

export interface Geometry {
  scrollY: number;
  /** The body's width: what the page's content has (the viewport less a classic scrollbar). */
  bodyWidth: number;
  /** `#marker`'s box. */
  marker: { x: number; y: number; width: number; height: number };
  /** The page content's layout-shift score so far (Chromium's Layout Instability API). */
  shifts: number;
}

/**
 * Call before the page loads: sums into `window.__shifts` the layout shifts of the page's own
 * content (a source node in the document, outside the widget). Chromium reports nodes inside a
 * shadow root as null: those are the widget's own content moving within itself.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(`window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const page = entry.sources.some(
          (s) => s.node && s.node.getRootNode() === document && !s.node.closest?.('patient-booking'),
        );
        if (page) window.__shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });`);
}

export async function geometry(page: Page): Promise<Geometry> {
  return page.evaluate(`(() => {
    const r = document.getElementById('marker').getBoundingClientRect();
    return {
      scrollY: window.scrollY,
      bodyWidth: document.body.getBoundingClientRect().width,
      marker: { x: r.x, y: r.y, width: r.width, height: r.height },
      shifts: window.__shifts,
    };
  })()`);
}

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/** axe (WCAG 2.2 A/AA) on the element `selector`, shadow roots included: `rule: targets` lines. */
export async function axe(
  page: Page,
  where: string,
  selector = 'patient-booking',
): Promise<string[]> {
  if (!(await page.evaluate('"axe" in window'))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(`axe
    .run(document.querySelector(${JSON.stringify(selector)}), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as Violation[];
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every request of the context, in order. */
  net: NetLog;
  /** Console errors and uncaught errors. */
  problems: string[];
}

/**
 * A fresh context and page that records every request, the public events (`eventsOf`, from
 * support/stack.ts) and layout shifts; navigates to `url`.
 */
export async function openWatched(
  stack: Stack,
  url: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Watched> {
  const context = await stack.browser.newContext(options);
  const net = new NetLog(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(`window.__events = [];
    for (const type of ${JSON.stringify(PUBLIC_EVENTS)}) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }`);
  await recordLayoutShifts(page);
  await page.goto(url);
  return { context, page, net, problems };
}

/** The paths the page has requested from its own origin, beyond the page itself (in order). */
export function requestedPaths(net: NetLog, pagePath: string): string[] {
  return net.entries
    .filter((e) => e.url.protocol.startsWith('http') && e.url.pathname !== pagePath)
    .map((e) => e.url.pathname + e.url.search);
}

/** The width of the page's classic vertical scrollbar (0 where scrollbars overlay the page). */
export async function scrollbarWidth(page: Page): Promise<number> {
  return page.evaluate('window.innerWidth - document.documentElement.clientWidth');
}
