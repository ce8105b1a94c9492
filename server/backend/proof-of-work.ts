/**
 * Proof of work for guest bookings, the ALTCHA scheme (`altcha-lib/v1`, WebCrypto only: it runs
 * on Node and workerd alike). The backend signs a challenge (`SHA-256(salt + n)` for a secret
 * `n` up to `maxNumber`, an expiry in the salt, an HMAC over it); the browser finds `n` by trying
 * (half of `maxNumber` hashes on average) and sends `{algorithm, challenge, number, salt,
 * signature}` as base64 JSON. Checking it costs one hash and one HMAC; each one books once.
 */
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';
import type { SpendResult, SpentProofs } from './spent-proofs.js';
import { StoreUnavailableError } from './store.js';

export interface ProofOfWorkOptions {
  hmacKey: string;
  maxNumber: number;
  expiresSeconds: number;
  spent: SpentProofs;
  now: () => number;
}

/** Why a proof is not accepted (`ok`: it is, and it is now spent). */
/** `unavailable`: the shared store of spent proofs cannot say (the proof is refused). */
export type ProofVerdict =
  'ok' | 'missing' | 'malformed' | 'forged' | 'expired' | 'spent' | 'unavailable';

export interface ProofOfWork {
  /** A new signed challenge, as the browser solves it. */
  challenge(): Promise<Challenge>;
  /**
   * Checks the `X-Booking-Proof` header and spends it. `owner` (the booking's `Idempotency-Key`)
   * lets the same booking be sent again with its proof; any other second use is `spent`.
   */
  check(header: string | null, owner: string | undefined): Promise<ProofVerdict>;
}

/** A base64 payload is well under this; anything longer is not one. */
const MAX_HEADER_CHARS = 1024;
const HEX64 = /^[0-9a-f]{64}$/;

export function createProofOfWork(options: ProofOfWorkOptions): ProofOfWork {
  const { hmacKey, maxNumber, expiresSeconds, spent, now } = options;
  return {
    challenge: () =>
      createChallenge({
        algorithm: 'SHA-256',
        hmacKey,
        maxNumber,
        expires: new Date(now() + expiresSeconds * 1000),
      }),
    async check(header, owner) {
      if (header === null || header.trim() === '') return 'missing';
      const payload = readPayload(header);
      if (!payload || payload.number > maxNumber) return 'malformed';
      // The expiry is part of the signed salt: read it here, against our own clock.
      const expires = Number(new URLSearchParams(payload.salt.split('?')[1] ?? '').get('expires'));
      if (!Number.isSafeInteger(expires) || expires <= 0) return 'malformed';
      const expiresAt = expires * 1000;
      if (expiresAt <= now()) return 'expired';
      if (!(await verifySolution(payload, hmacKey, false))) return 'forged';
      let use: SpendResult;
      try {
        use = await spent.spend(payload.signature, owner, expiresAt);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return 'unavailable';
        throw error;
      }
      return use === 'spent' ? 'spent' : 'ok';
    },
  };
}

/** The decoded payload with the expected types and sizes, or `undefined`. */
function readPayload(header: string): Payload | undefined {
  if (header.length > MAX_HEADER_CHARS) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(atob(header.trim()));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { algorithm, challenge, number, salt, signature } = value as Record<string, unknown>;
  const ok =
    algorithm === 'SHA-256' &&
    typeof challenge === 'string' &&
    HEX64.test(challenge) &&
    typeof number === 'number' &&
    Number.isSafeInteger(number) &&
    number >= 0 &&
    typeof salt === 'string' &&
    salt.length <= 200 &&
    typeof signature === 'string' &&
    HEX64.test(signature);
  return ok ? { algorithm, challenge, number, salt, signature } : undefined;
}

/** 32 random bytes as hex: a per-process key when `POW_HMAC_KEY` is not set. */
export function randomHmacKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
