/**
 * A guest booking's proof of work, solved in Node as the widget solves it in the browser (for
 * tests that book through the backend without the widget): fetch `pow-challenge`, find the
 * number, encode the payload for `X-Booking-Proof`.
 */
import { createHash } from 'node:crypto';
import type { Challenge } from 'altcha-lib/v1/types';

export type { Challenge };

/**
 * The `X-Booking-Proof` value for a solved `challenge`, found with Node's native SHA-256 (as a
 * script would: some 30 ms for 100 000 numbers, where the browser takes a few hundred).
 */
export async function solve(challenge: Challenge): Promise<string> {
  const max = challenge.maxnumber ?? 1_000_000;
  let number = -1;
  for (let n = 0; n <= max && number < 0; n += 1) {
    const digest = createHash('sha256')
      .update(challenge.salt + n)
      .digest('hex');
    if (digest === challenge.challenge) number = n;
  }
  if (number < 0) throw new Error('the challenge has no solution below its maxnumber');
  const { algorithm, salt, signature } = challenge;
  const payload = { algorithm, challenge: challenge.challenge, number, salt, signature };
  return btoa(JSON.stringify(payload));
}

/** A fresh challenge from the backend at `base` (its root, e.g. `http://127.0.0.1:4020`). */
export async function fetchChallenge(
  base: string,
  headers: Record<string, string> = {},
  doFetch: typeof fetch = fetch,
): Promise<Challenge> {
  const response = await doFetch(`${base.replace(/\/+$/, '')}/pow-challenge`, { headers });
  if (response.status !== 200) throw new Error(`pow-challenge: ${response.status}`);
  return (await response.json()) as Challenge;
}

/** Fetches a challenge from the backend at `base` and solves it. */
export async function proofFrom(
  base: string,
  headers: Record<string, string> = {},
  doFetch: typeof fetch = fetch,
): Promise<string> {
  return solve(await fetchChallenge(base, headers, doFetch));
}
