/** Servers that tests start as child processes (redis-server, varnishd): ready, then stopped. */
import type { ChildProcess } from 'node:child_process';

/** Resolves once the child has printed `text` (stdout or stderr); rejects if it exits first. */
export function printed(child: ChildProcess, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) => reject(new Error(`exited (${code}): ${output}`));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes(text)) return;
      child.off('exit', onExit);
      resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', reject);
    child.once('exit', onExit);
  });
}

/** Stops the child (SIGTERM) and resolves once it has exited. */
export function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
