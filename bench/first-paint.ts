// Time from navigation to the first insurance visible with 150 ms of emulated latency per request
// (Chrome DevTools Protocol network emulation), against the sequential requests it needs. A second
// figure beside the delay proxies (bench/network.ts): the emulation adds its latency to each
// request, not to connections, so it counts requests in a row, not round trips.
import type { CDPSession } from 'playwright-core';
import { freshPage, type BenchStack } from './stack.js';

export const LATENCY_MS = 150;
export const SLACK_MS = 100;

/**
 * The requests that must follow one another before an insurance can show, whatever the code:
 * each waits for the answer of the one before. Page, widget and API share one origin: no
 * preflight, no token.
 */
export const NEEDED_ROUNDS: readonly string[] = [
  'the host page (HTML)',
  'the widget script it names (one file: each level of static imports is one more request in a row)',
  'GET api/patient/v1/insurances (GET institutions, GET config and the language chunk beside it)',
];

const isPreflight = (r: { method: string; type: string }) =>
  r.type === 'Preflight' || r.method === 'OPTIONS';

export interface TimedRequest {
  method: string;
  url: string;
  type: string;
  /** ms after the host page's request started. */
  start: number;
  end: number;
}

export interface FirstPaintRun {
  ms: number;
  /** Longest chain of requests (preflights aside) each starting after the one before ended. */
  observedRounds: number;
  chain: TimedRequest[];
  requests: TimedRequest[];
  /** What the needed requests themselves took (page, script, insurances: end − start). */
  roundTripsMs: number;
}

export interface FirstPaintResult {
  runs: FirstPaintRun[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  neededRounds: number;
  /** Median of (visible − its round trips' own time): what the widget adds beyond the network. */
  medianOverheadMs: number;
  problems: string[];
}

/** The needed round trips of a run, found by what they fetch (see NEEDED_ROUNDS). */
const NEEDED_REQUESTS: Array<(r: TimedRequest) => boolean> = [
  (r) => r.type === 'Document',
  (r) => r.method === 'GET' && r.url.endsWith('/pb/patient-booking.js'),
  (r) => r.method === 'GET' && /\/insurances(\?|$)/.test(r.url),
];

function roundTripsMs(requests: TimedRequest[]): number {
  let total = 0;
  for (const needed of NEEDED_REQUESTS) {
    const r = requests.find(needed);
    if (r) total += r.end - r.start;
  }
  return total;
}

/** Polls each frame for the first insurance (its radio's label) in the widget's shadow roots. */
const WATCH_FIRST_INSURANCE = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'LABEL' && /Techniker Krankenkasse/.test(el.textContent || '')) return el;
      if (el.shadowRoot) { const hit = find(el.shadowRoot); if (hit) return hit; }
    }
    return null;
  };
  const tick = () => {
    const button = find(document);
    if (button && button.getClientRects().length > 0) window.__pbFirstInsurance = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function timeline(session: CDPSession) {
  const byId = new Map<
    string,
    { method: string; url: string; type: string; start: number; end?: number }
  >();
  session.on('Network.requestWillBeSent', (e) => {
    byId.set(`${e.requestId}:${e.type ?? ''}`, {
      method: e.request.method,
      url: e.request.url,
      type: e.type ?? 'Other',
      start: e.timestamp * 1000,
    });
  });
  const finish = (e: { requestId: string; timestamp: number }) => {
    for (const [key, r] of byId)
      if (key.startsWith(`${e.requestId}:`) && r.end === undefined) r.end = e.timestamp * 1000;
  };
  session.on('Network.loadingFinished', finish);
  session.on('Network.loadingFailed', finish);
  return byId;
}

/** Longest chain of requests where each starts after the previous one has finished. */
export function longestChain(requests: TimedRequest[]): TimedRequest[] {
  const sorted = [...requests].sort((a, b) => a.end - b.end);
  const best: TimedRequest[][] = [];
  sorted.forEach((r, i) => {
    let chain: TimedRequest[] = [];
    for (let j = 0; j < i; j += 1) {
      const prev = sorted[j]!;
      if (prev.end <= r.start + 0.5 && best[j]!.length > chain.length) chain = best[j]!;
    }
    best[i] = [...chain, r];
  });
  return best.reduce<TimedRequest[]>((a, b) => (b.length > a.length ? b : a), []);
}

async function oneRun(
  stack: BenchStack,
  url: string,
): Promise<FirstPaintRun & { problems: string[] }> {
  const { context, page, problems } = await freshPage(stack.browser);
  try {
    await page.addInitScript(WATCH_FIRST_INSURANCE);
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const byId = await timeline(session);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => '__pbFirstInsurance' in window, undefined, {
      timeout: 20_000,
    });
    const ms = await page.evaluate(
      () => (window as unknown as { __pbFirstInsurance: number }).__pbFirstInsurance,
    );
    const all = [...byId.values()];
    const doc = all.find((r) => r.type === 'Document');
    const zero = doc?.start ?? Math.min(...all.map((r) => r.start));
    const requests: TimedRequest[] = all
      .filter((r) => r.end !== undefined)
      .map((r) => ({
        method: r.method,
        url: r.url,
        type: r.type,
        start: r.start - zero,
        end: (r.end as number) - zero,
      }))
      .sort((a, b) => a.start - b.start);
    const chain = longestChain(requests.filter((r) => r.end <= ms + 1 && !isPreflight(r)));
    return {
      ms,
      observedRounds: chain.length,
      chain,
      requests,
      roundTripsMs: roundTripsMs(requests),
      problems,
    };
  } finally {
    await context.close();
  }
}

export async function measureFirstPaint(stack: BenchStack, runs = 5): Promise<FirstPaintResult> {
  const url = stack.page('/first-paint.html');
  const results: FirstPaintRun[] = [];
  const problems: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { problems: p, ...run } = await oneRun(stack, url);
    results.push(run);
    problems.push(...p);
  }
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const overheads = results.map((r) => r.ms - r.roundTripsMs).sort((a, b) => a - b);
  return {
    medianOverheadMs: overheads[Math.floor(overheads.length / 2)]!,
    runs: results,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    minMs: sorted[0]!,
    maxMs: sorted[sorted.length - 1]!,
    neededRounds: NEEDED_ROUNDS.length,
    problems: [...new Set(problems)],
  };
}
