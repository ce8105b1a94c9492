// An engine-neutral way to drive a page as a patient does, for the end-to-end smoke that runs in
// each browser engine: Firefox (puppeteer-core over WebDriver BiDi, ./firefox.ts) and WebKit
// (W3C WebDriver to WebKitWebDriver, ./webkit.ts). Every step waits on a condition, never on time.
import { DEEP_TEXT, describeTarget, type Target } from './deep-query.js';

export type { Target, Text } from './deep-query.js';

/** Where a step acts: a page or window, an iframe of it, or a part of either. */
export interface Scope {
  /** Waits until the target is visible (and enabled), then clicks it with the pointer. */
  click(target: Target): Promise<void>;
  /** Clicks the field labelled `label` and types `value` key by key; checks the value it got. */
  type(label: Target, value: string): Promise<void>;
  /** Waits until the target is visible. */
  waitFor(target: Target): Promise<void>;
  /** Whether the target is visible now. */
  isVisible(target: Target): Promise<boolean>;
  /** The trimmed text of the visible target (waits for it). */
  textOf(target: Target): Promise<string>;
  /** An expression's JSON value, in this scope's document (`arguments` as in WebDriver). */
  evaluate<T>(expression: string, ...args: unknown[]): Promise<T>;
  /** The same document, looking only inside the element `selector` (and its shadow root). */
  within(selector: string): Scope;
}

export interface EnginePage extends Scope {
  goto(url: string): Promise<void>;
  /** The document of the iframe `selector` (in the top document) once it has loaded `urlPrefix`. */
  frame(selector: string, urlPrefix: string): Promise<Scope>;
  /** Runs `open` (a click that opens a window) and resolves with that window. */
  popup(open: () => Promise<void>): Promise<EnginePage>;
  /** Resolves once this window has closed (a popup that closes itself). */
  closed(): Promise<void>;
  /** Clicks the target, which closes this window (the popup's last button); waits until it has. */
  clickToClose(target: Target): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  /** A fresh page (Firefox and WebKit: one at a time, see the implementations). */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Every wait of a step; a scenario as a whole is bounded by its test's timeout. */
export const STEP_TIMEOUT_MS = 10_000;

/**
 * Polls `check` until it yields a value other than `undefined`, `null` or `false`; errors thrown
 * by `check` (an element re-rendered between finding and clicking) count as "not yet".
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let problem = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      problem = `: ${(error as Error).message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms: ${what}${problem}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `until`, in `scope`: a timeout says what was on the screen. */
export async function untilIn<T>(
  scope: Scope,
  what: string,
  check: () => Promise<T | undefined | null | false>,
): Promise<T> {
  try {
    return await until(what, check);
  } catch (error) {
    const screen = await scope.evaluate<string>(DEEP_TEXT).catch(() => '(not readable)');
    throw new Error(`${(error as Error).message}\non the screen: ${screen.slice(0, 1500)}`);
  }
}

/** `promise`, or an error once STEP_TIMEOUT_MS have passed. */
export async function bounded<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${STEP_TIMEOUT_MS} ms: ${what}`)),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const waitingFor = (target: Target) => describeTarget(target);

/**
 * The keys a patient types into `<input type=date>` for `value` (yyyy-mm-dd): the fields in the
 * order the browser's locale shows them, with the separator typed between them (WebKit moves to
 * the next field only on a separator; Firefox accepts it too).
 */
export function dateKeys(value: string, order: Array<'year' | 'month' | 'day'>, sep: string) {
  const [year, month, day] = value.split('-') as [string, string, string];
  const parts = { year, month, day };
  return order.map((part) => parts[part]).join(sep);
}
