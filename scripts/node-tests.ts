// `npm run test:node`: the server and end-to-end tests, shared as they go by the processes of
// test/shards/ (test/support/shard.ts), run side by side by `node --test`; each file is one suite
// with a 5-minute bound. The run's folder of claims is made here and removed at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAIMS_ENV } from '../test/support/shard.js';

const shards = readdirSync('test/shards')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/shards/${name}`);
const claims = mkdtempSync(join(tmpdir(), 'patient-booking-tests-'));
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${shards.length}`, ...shards],
  { stdio: 'inherit', env: { ...process.env, [CLAIMS_ENV]: claims } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => {
  rmSync(claims, { recursive: true, force: true });
  process.exit(code ?? 1);
});
