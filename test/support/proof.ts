/**
 * A guest booking's proof of work, solved in Node as the widget solves it in the browser (for
 * tests that book through the backend without the widget): fetch `pow-challenge`, find the
 * number, encode the payload for `X-Booking-Proof`.
 */
import { solveChallenge } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';

export type { Challenge };

/** The `X-Booking-Proof` value for a solved `challenge`. */
export async function solve(challenge: Challenge): Promise<string> {
  const { promise } = solveChallenge(
    challenge.challenge,
    challenge.salt,
    challenge.algorithm,
    challenge.maxnumber,
  );
  const solution = await promise;
  if (!solution) throw new Error('the challenge has no solution below its maxnumber');
  const { algorithm, salt, signature } = challenge;
  const payload = {
    algorithm,
    challenge: challenge.challenge,
    number: solution.number,
    salt,
    signature,
  };
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
