// The backend under load on loopback, in a process of its own (bench/backend-host.ts), from a load
// generator in another: requests per second and p99 of the guest's first API request
// (`GET api/patient/v1/insurances?page=1&per_page=100`) answered from its catalogue cache, against
// a bare node:http server answering the same bytes; and the requests that 1,000 concurrent callers
// at a fresh backend (empty cache, no guest token) cause at a portal that takes 500 ms to answer.
import { startHost, type PortalCounts } from './backend-host.js';
import { runLoad } from './load.js';
import type { BurstResult, RateResult, Target } from './load-client.js';
import { API_PATH } from './stack.js';

const CONNECTIONS = 32;
const WARMUP_MS = 500;
const DURATION_MS = 4000;
const ROUNDS = 2;
const CALLERS = 1000;
const SLOW_PORTAL_MS = 500;
export const LOAD_PATH = `${API_PATH}/insurances?page=1&per_page=100`;

export interface BackendLoadResult {
  connections: number;
  durationMs: number;
  backend: RateResult;
  bare: RateResult;
  /** backend.rps / bare.rps */
  ratio: number;
  /** Bytes of the answer's body (the stand-in portal's insurances). */
  bodyBytes: number;
  burst: BurstResult & { upstream: PortalCounts };
}

/** What the widget's fetch sends on the backend's own origin (no `Origin`, no token). */
const GUEST_HEADERS = { accept: 'application/json', 'sec-fetch-site': 'same-origin' };
const guestGet = (url: string): Target => ({ url, method: 'GET', headers: GUEST_HEADERS });

export async function measureBackendLoad(): Promise<BackendLoadResult> {
  // 1. A cached catalogue answer: the backend vs a bare server with the same answer.
  const warm = await startHost({
    portalDelayMs: 0,
    warm: { path: LOAD_PATH, headers: GUEST_HEADERS },
  });
  const runs = { backend: [] as RateResult[], bare: [] as RateResult[] };
  let bodyBytes = 0;
  try {
    const { backendUrl, bareUrl, status } = warm.ready;
    if (status !== 200 || !bareUrl) throw new Error(`GET ${LOAD_PATH}: ${status}`);
    bodyBytes = warm.ready.bodyBytes ?? 0;
    const job = {
      kind: 'rate' as const,
      connections: CONNECTIONS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.bare.push(await runLoad<RateResult>({ ...job, ...guestGet(`${bareUrl}${LOAD_PATH}`) }));
      runs.backend.push(
        await runLoad<RateResult>({ ...job, ...guestGet(`${backendUrl}${LOAD_PATH}`) }),
      );
    }
  } finally {
    await warm.close();
  }
  const best = (list: RateResult[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const backend = best(runs.backend);
  const bare = best(runs.bare);

  // 2. 1,000 concurrent callers at a fresh backend whose portal takes 500 ms for each answer.
  const fresh = await startHost({ portalDelayMs: SLOW_PORTAL_MS });
  let burst: BurstResult;
  let upstream: PortalCounts;
  try {
    const target = guestGet(`${fresh.ready.backendUrl}${LOAD_PATH}`);
    burst = await runLoad<BurstResult>({ kind: 'burst', count: CALLERS, ...target });
    upstream = await fresh.counts();
  } finally {
    await fresh.close();
  }
  return {
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    backend,
    bare,
    ratio: backend.rps / bare.rps,
    bodyBytes,
    burst: { ...burst, upstream },
  };
}
