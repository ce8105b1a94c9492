/**
 * A keyed hash for values that must be counted but not kept (a patient's email address, a
 * client's IP address in a shared store): HMAC-SHA-256 under `secret` (WebCrypto: Node and
 * workerd alike), the first 16 bytes in hex. Equal values, equal hashes; unreadable otherwise.
 */
export function keyedHash(secret: string): (value: string) => Promise<string> {
  const encoder = new TextEncoder();
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return async (value) => {
    const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(value));
    return Array.from(new Uint8Array(mac).slice(0, 16), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  };
}
