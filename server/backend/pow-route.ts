/**
 * `GET pow-challenge`: a fresh signed challenge for a guest's booking (`proof-of-work.ts`), in
 * ALTCHA's shape `{algorithm, challenge, maxnumber, salt, signature}`. Never cached: each is
 * solved and spent once.
 */
import { jsonReply } from './errors.js';
import type { ProofOfWork } from './proof-of-work.js';
import type { Route } from './route.js';

export function powChallengeRoute(proofs: ProofOfWork): Route {
  return {
    methods: ['GET'],
    maxBodyBytes: 0,
    budget: 'api',
    handle: async () => jsonReply(200, await proofs.challenge()),
  };
}
