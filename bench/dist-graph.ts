// The import graph of a build directory, read from the emitted files: which chunk imports which,
// statically (`import … from "./x.js"`) or on demand (`import("./x.js")`).
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';

export interface DistFile {
  /** Path below the build directory, with `/`: `patient-booking.js`, `chunks/login-ab12.js`. */
  name: string;
  code: string;
  staticImports: string[];
  dynamicImports: string[];
}

const STATIC = /(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/** Every `.js` file below `dir` with its relative imports resolved to names below `dir`. */
export async function readDist(dir: string): Promise<Map<string, DistFile>> {
  const files = new Map<string, DistFile>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const full = join(entry.parentPath, entry.name);
    const name = relative(dir, full).split('\\').join('/');
    const code = await readFile(full, 'utf8');
    const resolveImport = (spec: string) => posix.normalize(posix.join(posix.dirname(name), spec));
    const dynamicImports = [...code.matchAll(DYNAMIC)].map((m) => resolveImport(m[1]!));
    const withoutDynamic = code.replace(DYNAMIC, '');
    const staticImports = [...withoutDynamic.matchAll(STATIC)].map((m) => resolveImport(m[1]!));
    files.set(name, { name, code, staticImports, dynamicImports });
  }
  return files;
}

/** Files loaded with `from` (static imports, transitively): what the browser fetches up front. */
export function staticClosure(files: Map<string, DistFile>, from: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(files.get(name)?.staticImports ?? []));
  }
  return seen;
}

/** Files reachable from `from` through at least one dynamic import: loaded on demand. */
export function lazilyReachable(files: Map<string, DistFile>, from: Iterable<string>): Set<string> {
  const eager = staticClosure(files, from);
  const lazyRoots = [...eager].flatMap((n) => files.get(n)?.dynamicImports ?? []);
  const reach = staticClosure(files, lazyRoots);
  // Lazy roots can reach further dynamic imports too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of [...reach]) {
      for (const d of files.get(n)?.dynamicImports ?? []) {
        for (const m of staticClosure(files, [d])) {
          if (!reach.has(m)) {
            reach.add(m);
            grew = true;
          }
        }
      }
    }
  }
  for (const n of eager) reach.delete(n);
  return reach;
}
