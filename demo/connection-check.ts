// "Test the connection": the backend's `config` and its insurances, fetched from this page as the
// widget on the practice's site would, and what is wrong in one sentence.

export interface Verdict {
  ok: boolean;
  sentence: string;
}

const TIMEOUT_MS = 10_000;

export async function checkConnection(base: string): Promise<Verdict> {
  const config = new URL('config', base);
  let practice: { phone?: unknown; name?: unknown };
  try {
    const response = await fetch(config, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) {
      return fail(
        `${config.href} answered ${response.status}: this is not a booking backend, or not its folder. Check the address (it is the folder of patient-booking.js).`,
      );
    }
    const body: unknown = await response.json().catch(() => null);
    if (!body || typeof body !== 'object' || !('practice' in body)) {
      return fail(
        `${config.href} is not a booking backend's configuration (no JSON with "practice"). Check the address (it is the folder of patient-booking.js).`,
      );
    }
    practice = ((body as { practice: unknown }).practice ?? {}) as typeof practice;
  } catch {
    // `config` answers every origin, so a failure here is the network, not CORS.
    return fail(
      `Nothing answers at ${base}: the backend is not reachable (a wrong host name or port, the server down, or a certificate this browser does not trust).`,
    );
  }
  const insurances = new URL('api/patient/v1/insurances?per_page=100', base);
  let count: number;
  try {
    const response = await fetch(insurances, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 403) return refused();
    if (!response.ok) {
      return fail(
        `The backend answers, but its catalogue does not (${response.status}): check its portal settings (PORTAL_URL, CLIENT_ID, CLIENT_SECRET).`,
      );
    }
    const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
    if (!Array.isArray(body?.data)) {
      return fail(
        'The backend answers, but its catalogue is not a list: check its portal settings (PORTAL_URL).',
      );
    }
    count = body.data.length;
  } catch {
    // `config` came through and this did not: the browser refused the answer (CORS).
    return refused();
  }
  const who = typeof practice.name === 'string' && practice.name ? ` for ${practice.name}` : '';
  const phone =
    typeof practice.phone === 'string' && practice.phone
      ? `; the practice's phone: ${practice.phone}`
      : '';
  return {
    ok: true,
    sentence: `OK: the booking backend${who} answers and its catalogue lists ${count} insurance${count === 1 ? '' : 's'}${phone}.`,
  };
}

const fail = (sentence: string): Verdict => ({ ok: false, sentence });

const refused = (): Verdict =>
  fail(
    `The backend answers but does not allow this page's origin (${location.origin}): add it to the backend's ALLOWED_ORIGINS.`,
  );
