// When a round-trip measurement ends: a condition checked in the page at every animation frame
// (timed there, by the page's wall clock) or a locator polled from Node.
import type { Locator, Page } from 'playwright-core';
import { epochMs } from './delayed-lane.js';

/**
 * When a measurement ends. `inPage`: a JavaScript expression (or a self-contained function,
 * serialized) that turns truthy; checked at every animation frame from the first, timed in the
 * page. `locator`: its first element turns visible; polled from Node (some ms late).
 */
export type Until = { inPage: string | (() => unknown) } | { locator: (page: Page) => Locator };

const DONE = '__roundTripsDone';

function expression(until: { inPage: string | (() => unknown) }): string {
  return typeof until.inPage === 'string' ? `(${until.inPage})` : `(${until.inPage.toString()})()`;
}

/**
 * An expression: the wall-clock time if `until` holds now, else 0 (an exception counts as not yet
 * and is kept for the timeout's message). `__name` is the helper tsx/esbuild puts in functions.
 */
function check(until: { inPage: string | (() => unknown) }): string {
  return `(() => {
  const __name = (f) => f;
  try { return ${expression(until)} ? performance.timeOrigin + performance.now() : 0; }
  catch (e) { window.${DONE}Error = String(e); return 0; }
})()`;
}

/** An init script: from the document's first frame, records the wall-clock time `until` holds. */
export function watcher(until: { inPage: string | (() => unknown) }): string {
  return `(() => {
  const tick = () => {
    const at = ${check(until)};
    if (at) window.${DONE} = at;
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/** Waits for `until`; the wall-clock time (epoch ms) it was first seen to hold. */
export async function reached(page: Page, until: Until, timeout: number, watched: boolean) {
  if ('locator' in until) {
    // Polled from here: locator.waitFor backs off to 500 ms between checks.
    const locator = until.locator(page).first();
    const deadline = performance.now() + timeout;
    while (!(await locator.isVisible())) {
      if (performance.now() > deadline) throw new Error(`round trips: ${locator} not visible`);
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    return epochMs();
  }
  const probe = watched ? `window.${DONE}` : check(until);
  try {
    const handle = await page.waitForFunction(probe, undefined, { polling: 'raf', timeout });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    const thrown = await page.evaluate(`window.${DONE}Error`).catch(() => undefined);
    if (thrown) throw new Error(`${String(error)}; the condition last threw: ${String(thrown)}`);
    throw error;
  }
}
