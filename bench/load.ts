// Runs one job of bench/load-client.ts in a second Node process and returns its result.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, LoadResult } from './load-client.js';

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

export function runLoad<R extends LoadResult>(job: Job, timeoutMs = 20_000): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(CLIENT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: R | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load client did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (message) => (result = message as R));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`load client exited with code ${code} and no result`));
    });
    child.send(job);
  });
}
