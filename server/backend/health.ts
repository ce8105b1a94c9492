/**
 * `GET health`: is this instance serving, and where its shared state is: `memory` (one process),
 * `shared` (Redis answers), `degraded` (Redis does not: limits per instance, guest bookings
 * refused). Always 200 while the process serves; `no-store`; nothing secret.
 */
import { jsonReply } from './errors.js';
import type { FinalReply } from './exchange.js';
import type { StoreStatus } from './store.js';

export const HEALTH_PATH = '/health';

export function healthReply(store: StoreStatus): FinalReply {
  const { status, headers, body } = jsonReply(200, { status: 'ok', store });
  return { status, headers: Object.entries(headers).flat(), body };
}
