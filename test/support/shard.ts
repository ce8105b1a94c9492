// The server and end-to-end test files, run by a few long-lived processes instead of one process
// per file: each process (a file of test/shards/) loads Node, tsx, Playwright and the servers'
// code once (about 1.1 CPU-s of each file's 1.6 CPU-s fixed cost), then takes the next file not
// yet taken by another and runs it as one suite, with its own hooks and servers, as alone. A
// file is taken by creating a folder named after it in the run's folder (atomic: one process
// wins; `scripts/node-tests.ts` makes the folder), so the processes share the work as they go,
// like `node --test`'s own scheduling. Every file still runs alone:
// `node --import tsx --test test/e2e/<file>.test.ts`.
import { after, describe } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A whole file's bound (its tests inherit it): a hang fails the file, not the run. */
const FILE_TIMEOUT_MS = 300_000;

/** How long a process may stay after its last file before what holds it open is named. */
const LINGER_MS = 15_000;

/**
 * Files whose time is mostly waiting (Retry-After, back-off, timeouts; every server test), with
 * little CPU: the `waiting` process runs them beside the two others from the start, so that the
 * machine's two cores stay busy with the rest. Measured alone: `fault-network` 22 s for 9 CPU-s.
 */
const WAITING = [
  'test/e2e/bad-input.test.ts',
  'test/e2e/fault-auth.test.ts',
  'test/e2e/fault-network.test.ts',
];
const waits = (file: string) => file.startsWith('test/server/') || WAITING.includes(file);

/**
 * The files in the order a process takes them: the end-to-end tests first (the longest), the
 * waiting ones last, so that short files fill the end and the processes finish together. The
 * `waiting` process takes only waiting ones.
 */
function testFiles(lane: Lane): string[] {
  const list = (folder: string) =>
    readdirSync(resolve(folder))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `${folder}/${name}`);
  const all = [...list('test/e2e'), ...list('test/server')];
  const waiting = all.filter(waits);
  return lane === 'waiting' ? waiting : [...all.filter((file) => !waits(file)), ...waiting];
}

/** What a process takes: any file, or only the waiting ones. */
export type Lane = 'any' | 'waiting';

/** The run's folder of claims, shared by its processes; a process started alone has its own. */
export const CLAIMS_ENV = 'PATIENT_BOOKING_TEST_CLAIMS';

function claim(claims: string, file: string): boolean {
  try {
    mkdirSync(join(claims, file.replaceAll('/', '__')));
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs, one after another, every test file of its lane that no other process of this run has
 * taken yet.
 */
export async function runShard(lane: Lane = 'any'): Promise<void> {
  const claims = process.env[CLAIMS_ENV] || mkdtempSync(join(tmpdir(), 'patient-booking-tests-'));
  for (const file of testFiles(lane)) {
    if (!claim(claims, file)) continue;
    await new Promise<void>((done) => {
      describe(file, { timeout: FILE_TIMEOUT_MS }, async () => {
        try {
          await import(pathToFileURL(resolve(file)).href);
        } catch (error) {
          done();
          throw error;
        }
        after(() => done());
      });
    });
  }
  // The process ends by itself once its files' servers and browsers are closed; one still open
  // would hold it forever. `--test-force-exit` is no way out: it exits before the runner has
  // passed on the last results, and the run reports fewer tests, green (seen here; Node's
  // issue 64833). So whatever is left open is named, and the process fails.
  setTimeout(() => {
    console.error(`Left open after the last file: ${process.getActiveResourcesInfo().join(', ')}`);
    process.exit(1);
  }, LINGER_MS).unref();
}
