// Upstream requests per 1,000 simulated visitors through the backend: each visitor sends the GETs
// of a guest booking (the widget's own, recorded in the browser) with its own tracking parameters
// appended (`&utm_source=…&fbclid=…`), which must neither miss the cache nor reach the portal.
// Counted where they land: at the sandbox portal.
import { startBackend } from '../server/backend/node-adapter.js';
import type { ApiCacheStats } from '../server/backend/api-cache.js';
import { runLoad } from './load.js';
import type { VisitorsResult } from './load-client.js';
import { API_PATH, backendConfig, countingSandbox, type PortalHit } from './stack.js';

export const VISITORS = 1000;
const CONCURRENCY = 50;
const LIMIT_MS = 10_000;
/** The backend's defaults (CATALOGUE_TTL, AVAILABILITY_TTL). */
export const PROXY_CACHE = { catalogueTtlSeconds: 300, availabilityTtlSeconds: 5 } as const;

/** Used when the browser run recorded nothing: the GETs of a guest booking of type 199. */
export const FALLBACK_GETS = [
  '/insurances?page=1&per_page=100',
  '/institutions?page=1&per_page=100',
  '/locations?page=1&per_page=100',
  '/appointment_categories?insurance_id=136&page=1&per_page=100',
  '/appointment_types?appointment_category_id=53&insurance_id=136&page=1&per_page=100',
];

export interface UpstreamCount {
  catalogue: number;
  availability: number;
  token: number;
}

export interface ProxyResult {
  gets: string[];
  visitors: VisitorsResult;
  /** GETs the visitors sent, by kind. */
  sent: { catalogue: number; availability: number };
  upstream: UpstreamCount;
  /** Per 1,000 visitors (scaled when fewer completed within the time limit). */
  per1000: UpstreamCount;
  cache: ApiCacheStats;
}

const isAvailability = (path: string) => /\/availabilities(\?|$)/.test(path);

function classify(hits: PortalHit[]): UpstreamCount {
  const count: UpstreamCount = { catalogue: 0, availability: 0, token: 0 };
  for (const hit of hits) {
    if (hit.method === 'OPTIONS') continue;
    if (hit.path === '/oauth/token') count.token += 1;
    else if (hit.path.startsWith(API_PATH) && isAvailability(hit.path)) count.availability += 1;
    else if (hit.path.startsWith(API_PATH)) count.catalogue += 1;
  }
  return count;
}

const scale = (c: UpstreamCount, completed: number): UpstreamCount => {
  const f = completed > 0 ? VISITORS / completed : 0;
  return {
    catalogue: Math.round(c.catalogue * f),
    availability: Math.round(c.availability * f),
    token: Math.round(c.token * f),
  };
};

/** `gets`: the widget's GETs of one guest booking, as paths + queries below the API base. */
export async function measureProxy(gets: string[]): Promise<ProxyResult> {
  const list = gets.length > 0 ? gets : FALLBACK_GETS;
  const hits: PortalHit[] = [];
  const sandbox = await countingSandbox(hits);
  const server = await startBackend({
    port: 0,
    host: '127.0.0.1',
    ...backendConfig(sandbox.url, { cache: PROXY_CACHE }),
  });
  try {
    const apiBase = `${server.url.replace('localhost', '127.0.0.1')}${API_PATH}`;
    // What the widget's fetch sends on the backend's own origin (no `Origin`, no token).
    const headers = { accept: 'application/json', 'sec-fetch-site': 'same-origin' };
    const visitors = await runLoad<VisitorsResult>({
      kind: 'visitors',
      visitors: VISITORS,
      concurrency: CONCURRENCY,
      limitMs: LIMIT_MS,
      junkQuery: true,
      gets: list.map((path) => ({ url: `${apiBase}${path}`, method: 'GET', headers })),
    });
    const upstream = classify(hits);
    const perVisitor = list.filter(isAvailability).length;
    return {
      gets: list,
      visitors,
      sent: {
        catalogue: visitors.completed * (list.length - perVisitor),
        availability: visitors.completed * perVisitor,
      },
      upstream,
      per1000: scale(upstream, visitors.completed),
      cache: server.stats().apiCache,
    };
  } finally {
    await server.close();
    await sandbox.close();
  }
}
