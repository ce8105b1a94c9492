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

/**
 * The files in the order they are taken: the end-to-end tests first (the longest), the server
 * tests last, so that short files fill the end and both processes finish together.
 */
function testFiles(): string[] {
  const list = (folder: string) =>
    readdirSync(resolve(folder))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `${folder}/${name}`);
  return [...list('test/e2e'), ...list('test/server')];
}

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

/** Runs, one after another, every test file no other process of this run has taken yet. */
export async function runShard(): Promise<void> {
  const claims = process.env[CLAIMS_ENV] || mkdtempSync(join(tmpdir(), 'patient-booking-tests-'));
  for (const file of testFiles()) {
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
}
