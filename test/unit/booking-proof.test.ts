import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import type { PowChallenge } from '../../src/api/pow-challenge.js';
import type { Appointment } from '../../src/api/types.js';
import type { BookingInput } from '../../src/api/portal-catalogue.js';
import { BookingProof, bookWithProof, solveInWorker } from '../../src/booking/booking-proof.js';
import { bookedAppointment } from './booking-fakes.js';

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

let issued = 0;

/** A challenge as the backend makes one: `SHA-256(salt + secret)`, here with a known secret. */
async function challenge(secret: number, expiresAt = Date.now() + 600_000): Promise<PowChallenge> {
  issued += 1;
  const salt = `${issued.toString(16).padStart(24, '0')}?expires=${Math.floor(expiresAt / 1000)}&`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + secret));
  const signature = `${issued}`.padStart(64, '0');
  return {
    algorithm: 'SHA-256',
    challenge: hex(digest),
    maxnumber: 100_000,
    salt,
    signature,
    expiresAt,
  };
}

const decode = (header: string) => JSON.parse(atob(header)) as Record<string, unknown>;
const signal = () => new AbortController().signal;

describe('a guest booking’s proof of work', () => {
  it('is solved in a Web Worker: the number, with the challenge’s fields, as base64 JSON', async () => {
    const c = await challenge(77_777);
    // How long it takes is the benchmark's business (a loaded machine takes longer), not this test's.
    expect(await solveInWorker(c)).to.equal(77_777);
    const proof = new BookingProof(async () => c);
    const payload = decode(await proof.take('key-1', signal()));
    expect(payload).to.deep.equal({
      algorithm: 'SHA-256',
      challenge: c.challenge,
      number: 77_777,
      salt: c.salt,
      signature: c.signature,
    });
  });

  it('starts at prepare(); the same booking takes the same proof, another a new one', async () => {
    const fetched: PowChallenge[] = [];
    const proof = new BookingProof(async () => {
      fetched.push(await challenge(fetched.length + 1));
      return fetched.at(-1)!;
    });
    proof.prepare();
    proof.prepare();
    const first = await proof.take('a', signal());
    expect(fetched).to.have.length(1);
    expect(await proof.take('a', signal())).to.equal(first);
    const second = await proof.take('b', signal());
    expect(second).not.to.equal(first);
    expect(fetched).to.have.length(2);
  });

  it('does not use a challenge about to expire, nor one whose fetch failed', async () => {
    const stale = await challenge(5, Date.now() + 10_000); // inside the 30 s margin
    const fresh = await challenge(6);
    let calls = 0;
    const proof = new BookingProof(async () => {
      calls += 1;
      if (calls === 1) return stale;
      if (calls === 2) throw new ApiError('down', 'network');
      return fresh;
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    proof.prepare();
    await settle(); // its expiry is known now: too close
    proof.prepare();
    expect(calls).to.equal(2, 'a new challenge instead of the stale one');
    await settle(); // that fetch failed
    expect(calls).to.equal(2);
    expect(decode(await proof.take('y', signal())).number).to.equal(6);
  });

  it('books once more with a new proof when the backend refuses one; a patient needs none', async () => {
    const proofs: string[] = [];
    let guest = true;
    let refusals = 1;
    const book = async (input: BookingInput): Promise<Appointment> => {
      proofs.push(input.proof ?? 'none');
      if (guest && refusals-- > 0) {
        throw new ApiError('403', 'forbidden', 403, [], 'proof_invalid');
      }
      return bookedAppointment;
    };
    let n = 0;
    const proof = new BookingProof(() => challenge(++n));
    const guarded = bookWithProof(book, proof, () => guest);
    const input = { availabilityId: 's', patient: {}, idempotencyKey: 'k' };
    expect(await guarded(input, signal())).to.equal(bookedAppointment);
    expect(proofs).to.have.length(2);
    expect(proofs[0]).not.to.equal(proofs[1]);

    refusals = 5;
    proofs.length = 0;
    const error = await guarded({ ...input, idempotencyKey: 'k2' }, signal()).catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(proofs).to.have.length(2, 'one retry, no loop');

    guest = false;
    proofs.length = 0;
    await guarded(input, signal());
    expect(proofs).to.deep.equal(['none']);
  });
});
