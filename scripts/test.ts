// `npm test`: every check. The checks of the source (types, then lint and layering) run beside the
// build and the browser tests; the server and end-to-end tests follow alone (they drive browsers
// against real servers: beside the browser tests, a 2-core machine timed out WebKit tests). A
// phase's output is printed whole when it ends (lanes never interleave lines); the server and
// end-to-end tests' summary comes last, as the closing lines. The first failure stops the rest.
import { spawn, type ChildProcess } from 'node:child_process';

interface Phase {
  name: string;
  command: string;
}

const phase = (name: string, script: string): Phase => ({
  name,
  command: `npm run --silent ${script}`,
});
const BROWSERS: Phase = { name: 'browsers', command: 'tsx scripts/check-browsers.ts' };
const TYPECHECK = phase('typecheck', 'typecheck');
const LINT = phase('lint', 'lint');
const BUILD = phase('build', 'build');
const BROWSER_TESTS = phase('browser tests', 'test:browser');
const NODE_TESTS = phase('server and end-to-end tests', 'test:node');

const running = new Set<ChildProcess>();
let stopped = false;
const begun = Date.now();

/** Runs a phase; its output is printed when it ends, or handed back (`hold`) to print later. */
function run(p: Phase, hold = false): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(p.command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      running.delete(child);
      if (stopped) return reject(new Error(`${p.name} stopped`));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = `\n── ${p.name} (${seconds} s) ──\n${Buffer.concat(output).toString()}`;
      if (code !== 0 || !hold) process.stdout.write(text);
      if (code === 0) resolve(hold ? text : '');
      else reject(new Error(`${p.name} failed (exit ${code})`));
    });
  });
}

function stopAll(): void {
  stopped = true;
  for (const child of running) child.kill('SIGTERM');
}

try {
  await run(BROWSERS);
  const lanes = [
    run(TYPECHECK).then(() => run(LINT)),
    run(BUILD).then(() => run(BROWSER_TESTS)),
  ].map((lane) =>
    lane.catch((error: unknown) => {
      if (!stopped) stopAll();
      throw error;
    }),
  );
  await Promise.all(lanes);
  const nodeOutput = await run(NODE_TESTS, true);
  console.log(`\nnpm test: all checks passed in ${Math.round((Date.now() - begun) / 1000)} s`);
  process.stdout.write(nodeOutput);
} catch (error) {
  console.error(`\nnpm test: ${(error as Error).message}`);
  process.exit(1);
}
