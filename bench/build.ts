// The widget as the benchmark measures it: a fresh production build of the current source into a
// temporary directory (the shared dist/ is left alone), plus what each output chunk is made of.
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface ModuleShare {
  /** Repository-relative module id, e.g. `node_modules/lit-html/lit-html.js`. */
  id: string;
  /** Bytes the module contributes before minification (the bundler's rendered length). */
  rendered: number;
}

export interface ChunkInfo {
  /** Path below dist/, e.g. `patient-booking.js`, `chunks/login-ab12.js`. */
  fileName: string;
  raw: number;
  gzip: number;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks it imports statically / dynamically (file names below dist/). */
  imports: string[];
  dynamicImports: string[];
  modules: ModuleShare[];
}

export interface BenchBuild {
  /** A directory to serve: it holds `dist/` (the build output), as the repository root does. */
  root: string;
  dist: string;
  chunks: ChunkInfo[];
  ms: number;
  remove(): Promise<void>;
}

/** gzip as a CDN would at its best: level 9. */
export const gzipSize = (body: Buffer | string): number => gzipSync(body, { level: 9 }).byteLength;

interface OutputChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: Record<string, { renderedLength: number }>;
}

/** Runs `vite build` with the project's config into a fresh temporary `…/dist`. */
export async function buildWidget(repo = resolve('.')): Promise<BenchBuild> {
  const root = await mkdtemp(join(tmpdir(), 'pb-bench-'));
  const dist = join(root, 'dist');
  const started = performance.now();
  const result = await build({
    root: repo,
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true, reportCompressedSize: false },
  });
  const ms = performance.now() - started;
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output?: unknown[] }>;
  const chunks: ChunkInfo[] = [];
  for (const out of outputs) {
    for (const item of (out.output ?? []) as Array<{ type: string }>) {
      if (item.type !== 'chunk') continue;
      const c = item as OutputChunkLike;
      chunks.push({
        fileName: c.fileName,
        raw: Buffer.byteLength(c.code),
        gzip: gzipSize(c.code),
        isEntry: c.isEntry,
        isDynamicEntry: c.isDynamicEntry,
        imports: c.imports,
        dynamicImports: c.dynamicImports,
        modules: Object.entries(c.modules)
          .map(([id, m]) => ({ id: moduleName(repo, id), rendered: m.renderedLength }))
          .filter((m) => m.rendered > 0)
          .sort((a, b) => b.rendered - a.rendered),
      });
    }
  }
  return { root, dist, chunks, ms, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * An existing build (e.g. `dist/` after `npm run build`) instead of a fresh one: served from a
 * temporary root whose `dist` links to it. Sizes per file only; no module breakdown.
 */
export async function existingBuild(dir: string): Promise<BenchBuild> {
  const dist = resolve(dir);
  const root = await mkdtemp(join(tmpdir(), 'pb-bench-'));
  await symlink(dist, join(root, 'dist'), 'dir');
  const chunks: ChunkInfo[] = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = await readFile(join(entry.parentPath, entry.name));
    chunks.push({
      fileName: relative(dist, join(entry.parentPath, entry.name)),
      raw: code.byteLength,
      gzip: gzipSize(code),
      isEntry: !relative(dist, entry.parentPath),
      isDynamicEntry: false,
      imports: [],
      dynamicImports: [],
      modules: [],
    });
  }
  return { root, dist, chunks, ms: 0, remove: () => rm(root, { recursive: true, force: true }) };
}

function moduleName(repo: string, id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return clean.startsWith(repo) ? relative(repo, clean) : clean;
}

/** Coarse groups for "what dominates the bundle": lit, each src/ folder, other packages. */
export function moduleGroup(id: string): string {
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id))
    return 'lit (lit-html, reactive-element, lit-element)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (pkg) return `package ${pkg[1]}`;
  const src = /^src\/([^/]+)\//.exec(id);
  if (src) return `src/${src[1]}/`;
  if (id.startsWith('src/')) return 'src/ (root files)';
  return 'bundler helpers (module preload, decorators)';
}
