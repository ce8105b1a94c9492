/**
 * The backend's `GET pow-challenge`: a signed proof-of-work challenge for a guest's booking (the
 * ALTCHA scheme), and the header value a solution travels in.
 */
import { ApiError } from './errors.js';
import { fetchOnce } from './http.js';

export interface PowChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
  /** When the backend stops accepting it (ms), read from the signed salt; 0: not said. */
  expiresAt: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

export async function fetchPowChallenge(
  backend: string,
  signal: AbortSignal,
): Promise<PowChallenge> {
  const url = new URL('pow-challenge', backend).href;
  const { status, json } = await fetchOnce(url, { method: 'GET', signal });
  const v = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const { challenge, maxnumber, salt, signature } = v;
  if (
    status !== 200 ||
    v.algorithm !== 'SHA-256' ||
    typeof challenge !== 'string' ||
    !HEX64.test(challenge) ||
    typeof maxnumber !== 'number' ||
    !Number.isSafeInteger(maxnumber) ||
    maxnumber < 1 ||
    maxnumber > 1e8 ||
    typeof salt !== 'string' ||
    typeof signature !== 'string'
  ) {
    throw new ApiError(
      `GET pow-challenge: ${status}`,
      status >= 500 ? 'server' : 'bad_response',
      status,
    );
  }
  const expires = Number(new URLSearchParams(salt.split('?')[1] ?? '').get('expires'));
  const expiresAt = Number.isSafeInteger(expires) && expires > 0 ? expires * 1000 : 0;
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature, expiresAt };
}

/** `X-Booking-Proof`: the solved challenge as base64 JSON, ALTCHA's payload. */
export function proofHeader(challenge: PowChallenge, number: number): string {
  const { algorithm, salt, signature } = challenge;
  return btoa(
    JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }),
  );
}

/** The backend refused a booking's proof (missing, expired, spent): a new one may pass. */
export function isProofRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 403 &&
    (error.serverCode === 'proof_invalid' || error.serverCode === 'proof_required')
  );
}
