// The Workers entry (server/backend/worker.ts) bundled as workerd runs it, for the tests that run
// it in Miniflare.
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the entry into `dir/worker.js`. `platform: 'neutral'` resolves no Node built-ins: a
 * `node:` import anywhere fails the build. `inputs`: the source files it took in.
 */
export async function bundleWorker(dir: string): Promise<{ scriptPath: string; inputs: string[] }> {
  const scriptPath = join(dir, 'worker.js');
  const result = await build({
    entryPoints: ['server/backend/worker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: scriptPath,
    metafile: true,
    logLevel: 'silent',
  });
  return { scriptPath, inputs: Object.keys(result.metafile.inputs) };
}
