/** Keys for the portal's `Idempotency-Key` header: one per user intent, reused on its retries. */

/** A random key (UUID v4 where available; `crypto.randomUUID` needs a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
