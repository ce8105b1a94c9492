/**
 * Test and fault control, sandbox only (CORS like everything else):
 *   POST   /__sandbox/reset     back to the seed state (data, faults, rate windows, idempotency, settings)
 *   GET    /__sandbox/bookings  appointments created by POST /booking since start/reset, with patient data
 *   POST   /__sandbox/faults    queue faults ({"faults":[…]}, see faults.ts); GET lists, DELETE clears
 *   GET|POST /__sandbox/config  read / change rateLimit, rateWindowMs, latencyMs, tokenTtl
 *   POST   /__sandbox/revoke    revoke every access and refresh token
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeSettings, SandboxConfig } from './config.js';
import { validateRuntimeUpdate } from './config.js';
import { parseFaults, type FaultQueue } from './faults.js';
import { isPlainObject, readBody, sendJson } from './http-utils.js';
import type { Appointment } from './model.js';
import type { MemoryStore } from './oidc-adapter.js';
import type { SandboxState } from './state.js';
import { toZonedIso } from './time.js';

export interface ControlDeps {
  state: SandboxState;
  config: SandboxConfig;
  faults: FaultQueue;
  store: MemoryStore;
  /** Resets data, faults, rate windows, idempotency and settings. */
  reset(): void;
  /** Applies new runtime settings (and restarts the rate windows). */
  applySettings(update: Partial<RuntimeSettings>): void;
}

export function bookingJson(a: Appointment): Record<string, unknown> {
  return {
    id: a.id,
    created_at: new Date(a.createdAt).toISOString(),
    client_id: a.clientId,
    patient_id: a.patientId,
    guest: a.patientId === null,
    appointment_type_id: a.typeId,
    location_id: a.locationId,
    starts_at: toZonedIso(a.startsAt),
    ends_at: toZonedIso(a.endsAt),
    status: a.status,
    insurance_id: a.insuranceId,
    patient_data: a.patientData,
    notify_with: a.notifyWith,
    structured_comment: a.structuredComment,
    asap_list_subscription: a.asapEmail ? { email: a.asapEmail } : null,
  };
}

const runtime = (c: SandboxConfig): RuntimeSettings => ({
  rateLimit: c.rateLimit,
  rateWindowMs: c.rateWindowMs,
  latencyMs: c.latencyMs,
  tokenTtl: c.tokenTtl,
});

async function jsonInput(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, 256 * 1024)).toString('utf8');
  return text.trim() ? JSON.parse(text) : {};
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlDeps,
): Promise<void> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  const fail = (status: number, message: string): void =>
    sendJson(res, status, { message, error: 'invalid_request' });
  let input: unknown = {};
  if (req.method === 'POST') {
    try {
      input = await jsonInput(req);
    } catch {
      return fail(400, 'The request body is not valid JSON');
    }
  }
  switch (route) {
    case 'POST /__sandbox/reset':
      deps.reset();
      return sendJson(res, 200, { data: { reset: true } });
    case 'GET /__sandbox/bookings':
      return sendJson(res, 200, { data: deps.state.bookings().map(bookingJson) });
    case 'GET /__sandbox/faults':
      return sendJson(res, 200, { data: deps.faults.list() });
    case 'POST /__sandbox/faults': {
      const specs = parseFaults(input);
      if (typeof specs === 'string') return fail(400, specs);
      deps.faults.add(specs);
      return sendJson(res, 200, { data: deps.faults.list() });
    }
    case 'DELETE /__sandbox/faults':
      deps.faults.clear();
      return sendJson(res, 200, { data: [] });
    case 'GET /__sandbox/config':
      return sendJson(res, 200, { data: runtime(deps.config) });
    case 'POST /__sandbox/config': {
      if (!isPlainObject(input)) return fail(400, 'expected a JSON object');
      const problem = validateRuntimeUpdate(input);
      if (problem) return fail(400, problem);
      deps.applySettings(input as Partial<RuntimeSettings>);
      return sendJson(res, 200, { data: runtime(deps.config) });
    }
    case 'POST /__sandbox/revoke':
      return sendJson(res, 200, { data: { revoked: deps.store.revokeAll() } });
    default:
      return sendJson(res, 404, { message: `No control route ${route}`, error: 'not_found' });
  }
}
