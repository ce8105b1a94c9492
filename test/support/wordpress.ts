// A real WordPress for end-to-end tests, started by the test itself: Debian's `wordpress` copied
// into a temporary folder with its own wp-config.php, a private MariaDB (`mariadbd` on a temporary
// datadir, a unix socket, no network) and PHP's built-in server on a port it takes itself.
// `wordpress-setup.php` installs the site, the plugin from its zip and the pages. Everything is
// removed by `close()`.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORDPRESS = '/usr/share/wordpress';
const SETUP = resolve('test/support/wordpress-setup.php');

export interface WordPress {
  /** http://localhost:PORT (no trailing slash). */
  url: string;
  /** The site's pages (the `pages` given to `startWordPress`), by their title. */
  pages: Record<string, string>;
  /**
   * Runs `code` with WordPress loaded (`wp-load.php`; `beforeLoad` runs before that), returns
   * what it printed.
   */
  php(code: string, beforeLoad?: string): Promise<string>;
  /** WordPress's debug log (notices, warnings, errors) so far. */
  debugLog(): Promise<string>;
  close(): Promise<void>;
}

export interface WordPressOptions {
  /** The plugin's zip (`buildWordPressZip`). */
  pluginZip: Uint8Array;
  /** Pages to create: title → content (shortcodes, block markup). */
  pages: Record<string, string>;
}

/**
 * Resolves with the match when `child` writes a line matching `pattern` (stdout or stderr);
 * rejects if it exits first. Its later output is drained and dropped.
 */
function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const streams = [child.stdout, child.stderr];
    const onExit = (code: number | null) =>
      reject(new Error(`${what} exited (${code}):\n${output}`));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (!match) return;
      for (const stream of streams) stream?.off('data', onData).resume();
      child.off('exit', onExit);
      resolvePromise(match);
    };
    for (const stream of streams) stream?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Stops `child` and, when it leads a process group (PHP's server and its workers), the group. */
async function stop(child: ChildProcess | undefined, group = false): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  if (group) process.kill(-child.pid, 'SIGTERM');
  else child.kill('SIGTERM');
  await exited;
}

async function startMariaDb(dir: string): Promise<{ socket: string; child: ChildProcess }> {
  const datadir = join(dir, 'db');
  const socket = join(dir, 'mysqld.sock');
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
  ]);
  await writeFile(join(dir, 'init.sql'), 'CREATE DATABASE IF NOT EXISTS wordpress;\n');
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--init-file=${join(dir, 'init.sql')}`,
      '--skip-networking',
      '--skip-name-resolve',
      '--user=root',
      '--innodb-buffer-pool-size=32M',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForOutput(child, /ready for connections/, 'mariadbd');
  return { socket, child };
}

function wpConfig(url: string, socket: string, debugLog: string): string {
  const salt = (name: string) => `define('${name}', '${randomBytes(32).toString('hex')}');`;
  return `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(salt).join('\n')}
// No cron, no updates, no calls to wordpress.org: the test machine is offline and must stay fast.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', 'localhost,127.0.0.1');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${debugLog}');
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

export async function startWordPress(options: WordPressOptions): Promise<WordPress> {
  const dir = await mkdtemp(join(tmpdir(), 'wordpress-'));
  const site = join(dir, 'site');
  const debugLog = join(dir, 'debug.log');
  let db: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  const close = async () => {
    await stop(server, true);
    await stop(db);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    // The server first, on a port it takes itself and keeps: a port found free and bound seconds
    // later (after MariaDB, the copy and the install) could meanwhile go to another server.
    await mkdir(site);
    server = spawn('php', ['-S', 'localhost:0', '-t', site], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const [, url] = await waitForOutput(
      server,
      /Development Server \((http:\/\/localhost:\d+)\) started/,
      'php -S',
    );
    // Both settle before anything is removed: a copy still writing into the folder made the
    // clean-up fail (ENOTEMPTY), and that error hid why the start failed.
    const [mariadb, copied] = await Promise.allSettled([
      startMariaDb(dir),
      cp(WORDPRESS, site, { recursive: true, verbatimSymlinks: true }),
    ]);
    if (mariadb.status === 'rejected') throw mariadb.reason;
    db = mariadb.value.child;
    if (copied.status === 'rejected') throw copied.reason;
    await rm(join(site, 'wp-config.php'));
    await writeFile(join(site, 'wp-config.php'), wpConfig(url, mariadb.value.socket, debugLog));
    const zip = join(dir, 'patient-booking.zip');
    await writeFile(zip, options.pluginZip);
    const pages = Object.entries(options.pages).map(([title, content]) => ({ title, content }));
    const env = { ...process.env, WP_DIR: site };
    const { stdout } = await run('php', [SETUP, zip, JSON.stringify(pages)], { env });
    const ids = JSON.parse(stdout) as number[];
    const php = async (code: string, beforeLoad = '') => {
      const file = join(dir, `run-${randomBytes(6).toString('hex')}.php`);
      await writeFile(
        file,
        `<?php ${beforeLoad}\nrequire getenv('WP_DIR') . '/wp-load.php';\n${code}\n`,
      );
      const { stdout: out } = await run('php', [file], { env });
      return out;
    };
    return {
      url,
      pages: Object.fromEntries(pages.map((p, i) => [p.title, `${url}/?page_id=${ids[i]}`])),
      php,
      debugLog: () => readFile(debugLog, 'utf8').catch(() => ''),
      close,
    };
  } catch (error) {
    await close().catch((cleanUp: Error) =>
      console.error(`WordPress clean-up: ${cleanUp.message}`),
    );
    throw error;
  }
}
