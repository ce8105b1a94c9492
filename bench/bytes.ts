// Bytes of every script on the guest path (navigation → first insurance shown) in each language,
// raw and gzip, and what the first click on "Sign in" adds; where the login library lives in the
// build.
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

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface GuestPath {
  scripts: FetchedScript[];
  raw: number;
  gzip: number;
}

export interface BytesResult {
  /** Each language's guest path: its first catalogue part is its own. */
  guest: Record<Locale, GuestPath>;
  /** Guest-path scripts (either language) that contain the login library. */
  loginOnGuestPath: string[];
  /** `null`: the widget showed no "Sign in" button. */
  loginClick: FetchedScript[] | null;
  /** Build files (below dist/) that contain the login library. */
  loginChunks: string[];
  /** Those of them the guest path reaches only through a dynamic import (and did not fetch). */
  loginLazy: string[];
  problems: string[];
}

/** Pages as deployed (the backend offers the login), used as a guest; "Sign in" on the English one. */
export async function measureBytes(stack: BenchStack, dist: string): Promise<BytesResult> {
  const guest = {} as Record<Locale, GuestPath>;
  const problems: string[] = [];
  let loginClick: FetchedScript[] | null = null;
  for (const locale of LOCALES) {
    const url = stack.page(`/bytes-${locale}.html`, {}, locale);
    const fresh = await freshPage(stack.browser);
    try {
      const scripts = await guestPathScripts(fresh.page, url);
      guest[locale] = { scripts, raw: sum(scripts, 'raw'), gzip: sum(scripts, 'gzip') };
      if (locale === 'en') loginClick = await loginClickScripts(fresh.page);
      problems.push(...fresh.problems);
    } finally {
      await fresh.context.close();
    }
  }
  const all = LOCALES.flatMap((l) => guest[l].scripts);
  const { loginChunks, loginLazy } = await loginFiles(dist, all);
  return {
    guest,
    loginOnGuestPath: [
      ...new Set(all.filter((s) => LOGIN_LIBRARY_MARKERS.test(s.body)).map((s) => s.path)),
    ],
    loginClick,
    loginChunks,
    loginLazy,
    problems,
  };
}

/** A script's path below the widget's folder (`/pb/x.js` or, in the tests, `/dist/x.js`). */
export const fileName = (path: string): string => path.replace(/^\/(?:pb|dist)\//, '');

/** Build files with the login library, and which of them load only on demand from the guest path. */
export async function loginFiles(
  dist: string,
  guest: FetchedScript[],
): Promise<{ loginChunks: string[]; loginLazy: string[] }> {
  const files = await readDist(dist);
  const fetched = guest.map((s) => fileName(s.path));
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
