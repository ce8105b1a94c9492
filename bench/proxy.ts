// Upstream requests per 1,000 simulated visitors, each fetching what a guest booking reads (the
// catalogue and one window of times, the widget's own GETs), with and without the token server's
// API proxy. Counted where they land: at the sandbox portal.
import { startBackend, type StartedBackend } from '../server/backend/node-adapter.js';
import { runLoad } from './load.js';
import type { Target, VisitorsResult } from './load-client.js';
import { API_PATH, countingSandbox, NO_RATE_LIMIT, type PortalHit } from './stack.js';

const ORIGIN = 'http://localhost:5173';
export const VISITORS = 1000;
const CONCURRENCY = 50;
const LIMIT_MS = 10_000;
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

export interface ProxyPhase {
  visitors: VisitorsResult;
  upstream: UpstreamCount;
  /** Per 1,000 visitors (scaled when fewer completed within the time limit). */
  per1000: UpstreamCount;
}

export type ProxyResult =
  | { status: 'done'; gets: string[]; direct: ProxyPhase; proxied: ProxyPhase }
  | { status: 'pending'; reason: string; gets: string[]; direct: ProxyPhase };

function classify(hits: PortalHit[]): UpstreamCount {
  const count: UpstreamCount = { catalogue: 0, availability: 0, token: 0 };
  for (const hit of hits) {
    if (hit.method === 'OPTIONS') continue;
    if (hit.path === '/oauth/token') count.token += 1;
    else if (hit.path.startsWith(API_PATH) && hit.path.endsWith('/availabilities'))
      count.availability += 1;
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

async function phase(proxy: boolean, gets: string[]): Promise<ProxyPhase | { pending: string }> {
  const hits: PortalHit[] = [];
  const sandbox = await countingSandbox(hits);
  let server: StartedBackend | undefined;
  try {
    server = await startBackend({
      port: 0,
      portalUrl: sandbox.url,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins: [ORIGIN],
      rateLimit: NO_RATE_LIMIT,
      ...(proxy ? { proxy: { enabled: true, ...PROXY_CACHE } } : {}),
    });
    const apiBase = proxy ? `${server.url}${API_PATH}` : `${sandbox.url}${API_PATH}`;
    const headers = { origin: ORIGIN, 'x-patient-booking': '1' };
    if (proxy) {
      const probe = await fetch(`${apiBase}${gets[0] ?? '/insurances'}`, { headers });
      await probe.arrayBuffer();
      // The probe counts as one more visitor's first request: the figures err on the high side.
      if (probe.status === 404)
        return { pending: 'the token server answers 404 on its API proxy path' };
    }
    const tokenTarget: Target = {
      url: `${server.url}/token`,
      method: 'POST',
      headers: { ...headers, 'content-length': '0' },
    };
    const visitors = await runLoad<VisitorsResult>({
      kind: 'visitors',
      visitors: VISITORS,
      concurrency: CONCURRENCY,
      limitMs: LIMIT_MS,
      token: tokenTarget,
      gets: gets.map((path) => ({ url: `${apiBase}${path}`, method: 'GET', headers })),
    });
    const upstream = classify(hits);
    return { visitors, upstream, per1000: scale(upstream, visitors.completed) };
  } finally {
    await server?.close();
    await sandbox.close();
  }
}

/** `gets`: the widget's GETs of one guest booking, as paths + queries below the API base. */
export async function measureProxy(gets: string[]): Promise<ProxyResult> {
  const list = gets.length > 0 ? gets : FALLBACK_GETS;
  const direct = await phase(false, list);
  if ('pending' in direct) throw new Error('the direct phase cannot be pending');
  let proxied: ProxyPhase | { pending: string };
  try {
    proxied = await phase(true, list);
  } catch (error) {
    proxied = { pending: error instanceof Error ? error.message : String(error) };
  }
  if ('pending' in proxied)
    return { status: 'pending', reason: proxied.pending, gets: list, direct };
  return { status: 'done', gets: list, direct, proxied };
}
