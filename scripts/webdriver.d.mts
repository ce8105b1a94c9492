// Types of scripts/webdriver.mjs (plain JavaScript: the browser tests' config loads it unbuilt).
import type { ChildProcess } from 'node:child_process';

export const WEBKIT_DRIVER: string;
export const XVFB: string;
/** WebDriver's code points for named keys (the names of KeyboardEvent.key). */
export const KEYS: Record<string, string>;
export function keyValue(name: string): string;
export function freePort(): Promise<number>;
export function exited(child: ChildProcess): Promise<void>;
export function startXvfb(
  children: ChildProcess[],
  options?: { displays?: [number, number] },
): Promise<string>;
export const COMMAND_TIMEOUT_MS: number;
export function request(method: string, url: string, body?: unknown): Promise<unknown>;
export function driverReady(base: string, driver: ChildProcess): Promise<void>;

/** A running WebKitWebDriver. */
export interface Driver {
  readonly child: ChildProcess;
  /** Its address, http://127.0.0.1:port. */
  readonly base: string;
  /** Its last output. */
  log(): string;
  stop(): Promise<void>;
}
export function startDriver(display: string, env?: Record<string, string>): Promise<Driver>;

export interface KeyAction {
  type: 'keyDown' | 'keyUp' | 'pause';
  value?: string;
}

export class WebDriverSession {
  readonly url: string;
  constructor(base: string, id: string);
  static create(base: string, capabilities: Record<string, unknown>): Promise<WebDriverSession>;
  command(method: string, path: string, body?: unknown): Promise<unknown>;
  execute(script: string, ...args: unknown[]): Promise<unknown>;
  executeAsync(script: string, ...args: unknown[]): Promise<unknown>;
  keys(actions: KeyAction[]): Promise<unknown>;
  delete(): Promise<unknown>;
}
