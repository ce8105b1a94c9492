/**
 * The guard in front of a guest's booking: a valid, unspent proof of work (403 `proof_required`
 * or `proof_invalid`), then the booking budgets (429 `booking_limited` with `Retry-After`). A
 * refused booking never reaches the portal. A signed-in patient's booking is not guarded: the
 * portal knows who books.
 */
import type { BookingBudgets } from './booking-budgets.js';
import { BACKEND_ERRORS as E, errorReply } from './errors.js';
import type { Reply } from './exchange.js';
import type { ProofOfWork } from './proof-of-work.js';
import type { RouteContext } from './route.js';

/** The header a guest's booking carries its solved challenge in (base64 JSON). */
export const PROOF_HEADER = 'X-Booking-Proof';

export interface GuardStats {
  /** Guest bookings refused for want of a proof, for a bad, expired or spent one, by a budget. */
  proofMissing: number;
  proofInvalid: number;
  limited: number;
}

export interface BookingGuard {
  /** `undefined`: the booking may go to the portal; else the refusal to send. */
  admit(context: RouteContext, idempotencyKey: string | undefined): Promise<Reply | undefined>;
  stats(): GuardStats;
}

export function createBookingGuard(proofs: ProofOfWork, budgets: BookingBudgets): BookingGuard {
  let proofMissing = 0;
  let proofInvalid = 0;
  return {
    async admit({ request, body, note, clientKey }, idempotencyKey) {
      const verdict = await proofs.check(request.headers.get(PROOF_HEADER), idempotencyKey);
      if (verdict !== 'ok') {
        note('proof', verdict);
        if (verdict === 'missing') {
          proofMissing += 1;
          return errorReply(403, E.proofRequired, 'A guest booking needs a solved challenge.');
        }
        if (verdict === 'unavailable') {
          return errorReply(503, E.bookingUnavailable, 'Guest booking is paused; please call.', {
            'Retry-After': '30',
          });
        }
        proofInvalid += 1;
        return errorReply(403, E.proofInvalid, `The challenge's solution is ${verdict}.`);
      }
      const decision = await budgets.hit({ client: clientKey(), ...bookingKeys(body) });
      if (decision.allowed) return undefined;
      note('limit', decision.budget);
      const seconds = String(decision.retryAfterSeconds);
      return errorReply(429, E.bookingLimited, 'Too many bookings; please call the practice.', {
        'Retry-After': seconds,
      });
    },
    stats: () => ({ proofMissing, proofInvalid, limited: budgets.refusals() }),
  };
}

/** The slot and the patient's address from the booking's JSON, as far as they are readable. */
function bookingKeys(body: Uint8Array): { email?: string; slot?: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null) return {};
  const { availability_id: slot, patient_data: patient } = json as Record<string, unknown>;
  const email =
    typeof patient === 'object' && patient !== null
      ? (patient as Record<string, unknown>).email
      : undefined;
  return {
    ...(typeof slot === 'string' || typeof slot === 'number'
      ? { slot: String(slot).slice(0, 100) }
      : {}),
    ...(typeof email === 'string' && email.trim() !== '' ? { email: email.slice(0, 320) } : {}),
  };
}
