// A small W3C WebDriver client for WebKitGTK (WebKitWebDriver, package webkit2gtk-driver, driving
// MiniBrowser) on a private Xvfb display (package xvfb): the browser tests' launcher
// (scripts/wtr-webkit.mjs) and the end-to-end smoke (test/support/engines/webkit.ts) use it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

// the same paths as in scripts/check-browsers.ts
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const XVFB = '/usr/bin/Xvfb';

/** WebDriver's code points for the named keys the tests press (the names of KeyboardEvent.key). */
export const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

export function keyValue(name) {
  if ([...name].length === 1) return name;
  if (name in KEYS) return KEYS[name];
  throw new Error(`Unknown key: "${name}"`);
}

/** A free TCP port on the loopback interface, chosen by the system. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the exit of `child` (at once when it has already exited). */
export function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
}

/**
 * Starts Xvfb; resolves with the display's name once it accepts clients. By default on the first
 * free display; with `displays` ([first, last]) on the first free one of that range, starting at a
 * random one, so that a second program's displays never meet the browser tests' (which start at 0).
 * Without a window manager the keyboard focus follows the pointer, which rests at the screen's
 * centre: a screen of 640 × 480 keeps that point inside MiniBrowser's window (at the top left, 1024
 * × 768 or larger), so the page is in the focused window (else WebKit shows no :focus-visible).
 */
export async function startXvfb(children, { displays } = {}) {
  if (!displays) return startXvfbOn(children, []);
  const [first, last] = displays;
  const count = last - first + 1;
  const offset = Math.floor(Math.random() * count);
  let problem;
  for (let i = 0; i < count; i++) {
    try {
      return await startXvfbOn(children, [`:${first + ((offset + i) % count)}`]);
    } catch (error) {
      problem = error; // that display is taken: the next one
    }
  }
  throw problem;
}

function startXvfbOn(children, display) {
  // -noreset: by default the X server resets when its last client leaves, which is each time a
  // WebDriver session's MiniBrowser quits; the next session's MiniBrowser, starting during that
  // reset, could not open the display and its session never came (a 30 s stall, seen in a run).
  const args = [
    ...display,
    '-displayfd',
    '3',
    '-screen',
    '0',
    '640x480x24',
    '-nolisten',
    'tcp',
    '-noreset',
  ];
  const xvfb = spawn(XVFB, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  children.push(xvfb);
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let number = '';
    xvfb.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve(`:${number.trim()}`);
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
  });
}

/** A W3C WebDriver session: the few commands the launcher needs, as plain HTTP requests. */
export class WebDriverSession {
  constructor(base, id) {
    this.url = `${base}/session/${id}`;
  }

  static async create(base, capabilities) {
    const { sessionId } = await request('POST', `${base}/session`, {
      capabilities: { alwaysMatch: capabilities },
    });
    return new WebDriverSession(base, sessionId);
  }

  command(method, path, body) {
    return request(method, this.url + path, body);
  }

  execute(script, ...args) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  executeAsync(script, ...args) {
    return this.command('POST', '/execute/async', { script, args });
  }

  /** Key actions on one keyboard, which keeps keys held down between calls (Shift for Shift+Tab). */
  keys(actions) {
    return this.command('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
  }

  delete() {
    return request('DELETE', this.url);
  }
}

/**
 * The longest a driver command may take. Starting a browser under load takes a few seconds and
 * every other command less than one; a command without an answer (a driver stuck on a page) fails
 * with its name instead of holding a test until its own timeout.
 */
export const COMMAND_TIMEOUT_MS = 30_000;

export async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
  }).catch((error) => {
    if (error.name !== 'TimeoutError') throw error;
    const command = `${method} ${new URL(url).pathname.replace(/^\/session\/[^/]+/, '')}`;
    const what = body?.script ? ` (${body.script.slice(0, 60).replace(/\s+/g, ' ')}…)` : '';
    throw new Error(
      `WebKitWebDriver gave no answer to ${command}${what} in ${COMMAND_TIMEOUT_MS / 1000} s`,
    );
  });
  const { value } = await response.json();
  if (!response.ok) {
    throw new Error(`WebKitWebDriver: ${value?.error}: ${value?.message}`);
  }
  return value;
}

/**
 * Starts WebKitWebDriver on a free port for `display` (it starts MiniBrowser for each session),
 * keeping its last 4,000 characters of output for an error message; resolves once it is ready.
 */
export async function startDriver(display, env = {}) {
  const port = await freePort();
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, ...env, DISPLAY: display },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => (log = (log + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const driver = {
    child,
    base,
    log: () => log.trim() || '(none)',
    async stop() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
  try {
    await driverReady(base, child);
  } catch (error) {
    await driver.stop();
    throw error;
  }
  return driver;
}

/** Polls the driver at `base` (it prints nothing when it listens) until it is ready for a session. */
export async function driverReady(base, driver) {
  const deadline = Date.now() + 10_000;
  let problem = 'no answer';
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`${WEBKIT_DRIVER} exited (${driver.exitCode})`);
    try {
      if ((await request('GET', `${base}/status`)).ready) return;
      problem = 'not ready';
    } catch (error) {
      problem = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${WEBKIT_DRIVER} did not get ready within 10 s: ${problem}`);
}
