// Bytes of every script on the guest path (navigation → first insurance shown), raw and gzip, and
// what the first click on "Sign in" adds; where the login library lives in the build.
import type { ChunkInfo } from './build.js';
import { moduleGroup } from './build.js';
import { lazilyReachable, readDist } from './dist-graph.js';
import {
  guestPathScripts,
  LOGIN_LIBRARY_MARKERS,
  loginClickScripts,
  sum,
  type FetchedScript,
} from './guest-path.js';
import { freshPage, type BenchStack } from './stack.js';

export interface BytesResult {
  guest: FetchedScript[];
  guestRaw: number;
  guestGzip: number;
  /** Guest-path scripts that contain the login library. */
  loginOnGuestPath: string[];
  /** `null`: the widget showed no "Sign in" button. */
  loginClick: FetchedScript[] | null;
  /** Build files (below dist/) that contain the login library. */
  loginChunks: string[];
  /** Those of them the guest path reaches only through a dynamic import (and did not fetch). */
  loginLazy: string[];
  problems: string[];
}

/** A page configured for login (client id and callback), used as a guest. */
export async function measureBytes(stack: BenchStack, dist: string): Promise<BytesResult> {
  const url = stack.page('/bytes.html', {
    'client-id': 'demo-spa',
    'redirect-url': `${stack.web.origin}/dist/callback.html`,
  });
  const { context, page, problems } = await freshPage(stack.browser);
  try {
    const guest = await guestPathScripts(page, url);
    const loginClick = await loginClickScripts(page);
    const { loginChunks, loginLazy } = await loginFiles(dist, guest);
    return {
      guest,
      guestRaw: sum(guest, 'raw'),
      guestGzip: sum(guest, 'gzip'),
      loginOnGuestPath: guest.filter((s) => LOGIN_LIBRARY_MARKERS.test(s.body)).map((s) => s.path),
      loginClick,
      loginChunks,
      loginLazy,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** Build files with the login library, and which of them load only on demand from the guest path. */
export async function loginFiles(
  dist: string,
  guest: FetchedScript[],
): Promise<{ loginChunks: string[]; loginLazy: string[] }> {
  const files = await readDist(dist);
  const fetched = guest.map((s) => s.path.replace(/^\/dist\//, ''));
  const lazy = lazilyReachable(files, fetched);
  const loginChunks = [...files.values()]
    .filter((f) => LOGIN_LIBRARY_MARKERS.test(f.code))
    .map((f) => f.name)
    .sort();
  return { loginChunks, loginLazy: loginChunks.filter((n) => lazy.has(n) && !fetched.includes(n)) };
}

export interface GroupShare {
  group: string;
  rendered: number;
  /** The group's share of the chunk's gzip size, estimated from its share of rendered bytes. */
  gzipEstimate: number;
}

/** What a chunk is made of, by module group, largest first. */
export function chunkComposition(chunk: ChunkInfo): GroupShare[] {
  const total = chunk.modules.reduce((n, m) => n + m.rendered, 0) || 1;
  const groups = new Map<string, number>();
  for (const m of chunk.modules) {
    const g = moduleGroup(m.id);
    groups.set(g, (groups.get(g) ?? 0) + m.rendered);
  }
  return [...groups]
    .map(([group, rendered]) => ({
      group,
      rendered,
      gzipEstimate: Math.round((rendered / total) * chunk.gzip),
    }))
    .sort((a, b) => b.rendered - a.rendered);
}
