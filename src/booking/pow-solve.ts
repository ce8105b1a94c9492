/**
 * The search at the heart of a booking's proof of work (the ALTCHA scheme): the number `n` with
 * `SHA-256(salt + n) = challenge`. Pure JavaScript SHA-256 (`@noble/hashes`): synchronous, fast
 * on short inputs, and there on plain-http pages, which have no `crypto.subtle`.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** What the backend's `pow-challenge` asks for (its `signature` stays with the caller). */
export interface PowTask {
  challenge: string;
  salt: string;
  maxnumber: number;
}

/** The solution in `[from, to)`, or `null` when it is not there. */
export function search(task: PowTask, from: number, to: number): number | null {
  const target = fromHex(task.challenge);
  // The salt's bytes once, the number's digits written after them: no string, no encoder per try.
  const salt = new TextEncoder().encode(task.salt);
  const input = new Uint8Array(salt.length + 16);
  input.set(salt);
  for (let n = from; n < to; n += 1) {
    const digits = String(n);
    for (let i = 0; i < digits.length; i += 1) input[salt.length + i] = digits.charCodeAt(i);
    const digest = sha256(input.subarray(0, salt.length + digits.length));
    if (equal(digest, target)) return n;
  }
  return null;
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
