// Which scripts a patient's browser fetches on the guest path: from navigation up to the first
// insurance shown, then what the first click on "Sign in" adds. Shared by the benchmark
// (bench/bytes.ts) and the size budget test (test/e2e/budget.test.ts).
import type { Page, Response } from 'playwright-core';
import { gzipSync } from 'node:zlib';

export interface FetchedScript {
  url: string;
  /** Path as served, e.g. `/dist/patient-booking.js`. */
  path: string;
  raw: number;
  /** gzip level 9 of the body. */
  gzip: number;
  body: string;
}

/**
 * oidc-client-ts survives minification by these strings (its popup message source, its logger
 * names, its public method names): any of them in a script means the login library is in it.
 */
export const LOGIN_LIBRARY_MARKERS = /oidc-client|signinPopup|\bOidcClient\b|\bUserManager\b/;

/** The first insurance the sandbox lists, by its accessible name. */
export const FIRST_INSURANCE_NAME = /Techniker Krankenkasse/;

/** The patient login button (English or German catalogue). */
export const SIGN_IN_NAME = /^\s*(Sign in|Anmelden)\b/i;

const isScript = (response: Response): boolean => {
  if (response.request().resourceType() === 'script') return true;
  const type = response.headers()['content-type'] ?? '';
  return (
    /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(new URL(response.url()).pathname)
  );
};

/** Records every script response of `page` from now on; `take()` returns those seen so far. */
export function recordScripts(page: Page): { take(): Promise<FetchedScript[]>; stop(): void } {
  const pending: Promise<FetchedScript | null>[] = [];
  const listener = (response: Response) => {
    if (!isScript(response)) return;
    pending.push(
      response.body().then(
        (buffer) => ({
          url: response.url(),
          path: new URL(response.url()).pathname,
          raw: buffer.byteLength,
          gzip: gzipSync(buffer, { level: 9 }).byteLength,
          body: buffer.toString('utf8'),
        }),
        () => null,
      ),
    );
  };
  page.on('response', listener);
  return {
    async take() {
      const all = await Promise.all(pending.splice(0));
      return all.filter((s): s is FetchedScript => s !== null);
    },
    stop: () => page.off('response', listener),
  };
}

/**
 * Navigates to `url` and returns the scripts requested before the first insurance was on screen:
 * before the widget's `patient-booking:first-screen` performance mark (set after the frame that
 * paints the choices; the sign-in bar's code is asked for after it), by the page's own clock.
 */
export async function guestPathScripts(page: Page, url: string): Promise<FetchedScript[]> {
  const recorder = recordScripts(page);
  await page.goto(url);
  await page.getByRole('radio', { name: FIRST_INSURANCE_NAME }).waitFor({ timeout: 15_000 });
  const mark = await page.waitForFunction(
    () => performance.getEntriesByName('patient-booking:first-screen')[0]?.startTime ?? null,
    undefined,
    { timeout: 15_000 },
  );
  const firstScreen = (await mark.jsonValue()) as number;
  const started = new Map(
    await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as const),
    ),
  );
  recorder.stop();
  const scripts = await recorder.take();
  // The document's own scripts are not resource entries: they start with the navigation.
  return scripts.filter((s) => (started.get(s.url) ?? 0) <= firstScreen);
}

/**
 * Clicks the first "Sign in" button and returns the scripts the page fetched for it (the popup's
 * own page is the portal's, not ours), or `null` when the widget shows no sign-in button.
 */
export async function loginClickScripts(
  page: Page,
  settleMs = 1500,
): Promise<FetchedScript[] | null> {
  const button = page.getByRole('button', { name: SIGN_IN_NAME }).first();
  if ((await button.count()) === 0) return null;
  const recorder = recordScripts(page);
  const popup = page.waitForEvent('popup', { timeout: settleMs }).catch(() => null);
  await button.click();
  await page.waitForTimeout(settleMs);
  recorder.stop();
  await (await popup)?.close();
  return recorder.take();
}

export const sum = (scripts: FetchedScript[], key: 'raw' | 'gzip'): number =>
  scripts.reduce((total, s) => total + s[key], 0);

/** `12,345 B (12.1 KB)` */
export const bytes = (n: number): string =>
  `${n.toLocaleString('en-US')} B (${(n / 1024).toFixed(1)} KB)`;
