// The stand-in portals of the scale bench: one fake portal per tenant (test/support/fake-portal.ts)
// that keeps a guest booking's Idempotency-Key as the real portal does (the same key again answers
// the same booking), answers in PORTAL_MS, counts what reaches it, and records every booking it
// made, by patient email.
import type { FakePortal, FakePortalRequest } from '../test/support/fake-portal.js';
import { startFakePortal } from '../test/support/fake-portal.js';

/** Each portal answer takes this long, so that bookings are in flight when an instance dies. */
export const PORTAL_MS = 100;

export interface BenchPortal {
  id: string;
  portal: FakePortal;
  /** Bookings the portal made, per patient email (more than one: a doubled booking). */
  made: Map<string, number>;
}

export async function startPortals(count: number): Promise<BenchPortal[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const portal = await startFakePortal();
      portal.delayMs = PORTAL_MS;
      const made = new Map<string, number>();
      const byKey = new Map<string, number>();
      let booked = 0;
      portal.apiReply = (request: FakePortalRequest) => {
        if (request.method !== 'POST') return undefined;
        const key = String(request.headers['idempotency-key'] ?? '');
        let id = key === '' ? undefined : byKey.get(key);
        if (id === undefined) {
          id = booked += 1;
          if (key !== '') byKey.set(key, id);
          const email = emailOf(request.body);
          made.set(email, (made.get(email) ?? 0) + 1);
        }
        return { status: 201, body: { data: { id } } };
      };
      return { id: `t${String(i + 1).padStart(2, '0')}`, portal, made };
    }),
  );
}

function emailOf(body: string): string {
  try {
    const json = JSON.parse(body) as { patient_data?: { email?: string } };
    return json.patient_data?.email ?? '';
  } catch {
    return '';
  }
}

/** The tenants file for these portals: tenant `t01` at path `/t01`, and so on. */
export function tenantsFile(portals: readonly BenchPortal[]) {
  return {
    tenants: portals.map(({ id, portal }) => ({
      id,
      path: `/${id}`,
      env: { PORTAL_URL: portal.url, CLIENT_ID: `client-${id}`, CLIENT_SECRET: `secret-${id}` },
    })),
  };
}
