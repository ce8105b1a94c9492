/** The id_token signing key: generated once per process (keys need not be deterministic). */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

let key: Promise<JsonWebKey> | undefined;

export function signingKey(): Promise<JsonWebKey> {
  key ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(({ privateKey }) => ({
    ...privateKey.export({ format: 'jwk' }),
    kid: `sandbox-${Date.now().toString(36)}`,
    use: 'sig',
    alg: 'RS256',
  }));
  return key;
}
