/**
 * Opaque, signed availability ids. Layout before base64 (standard alphabet, always "=="-padded
 * so that clients meet `+ / =` and must encode ids properly):
 *   [version u8][type id u32][start, unix seconds u32][location id u32, 0 = none]
 *   [appointment-id length u8][appointment id, ascii][HMAC-SHA256 truncated to 16–18 bytes]
 * An id from `/appointments/{id}/availabilities` carries that appointment's id (reschedule).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface AvailabilityRef {
  typeId: number;
  locationId: number | null;
  startsAt: number;
  appointmentId?: string;
}

export interface AvailabilityCodec {
  encode(ref: AvailabilityRef): string;
  /** The reference, or null for anything malformed, unsigned or tampered with. */
  decode(id: string): AvailabilityRef | null;
}

const VERSION = 1;
const HEADER = 14;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function macLengthFor(bodyLength: number): number {
  // total ≡ 1 (mod 3) → base64 ends in "==".
  for (let n = 16; n <= 18; n += 1) if ((bodyLength + n) % 3 === 1) return n;
  return 16;
}

export function createAvailabilityCodec(seed: string): AvailabilityCodec {
  const key = createHash('sha256').update(`availability-ids:${seed}`).digest();
  const mac = (body: Buffer): Buffer => createHmac('sha256', key).update(body).digest();

  return {
    encode(ref) {
      const appointment = Buffer.from(ref.appointmentId ?? '', 'ascii');
      const body = Buffer.alloc(HEADER + appointment.length);
      body.writeUInt8(VERSION, 0);
      body.writeUInt32BE(ref.typeId, 1);
      body.writeUInt32BE(Math.floor(ref.startsAt / 1000), 5);
      body.writeUInt32BE(ref.locationId ?? 0, 9);
      body.writeUInt8(appointment.length, 13);
      appointment.copy(body, HEADER);
      const signature = mac(body).subarray(0, macLengthFor(body.length));
      return Buffer.concat([body, signature]).toString('base64');
    },

    decode(id) {
      if (typeof id !== 'string' || id.length > 200 || !BASE64.test(id) || id.length % 4 !== 0)
        return null;
      const raw = Buffer.from(id, 'base64');
      if (raw.length < HEADER + 16 || raw.readUInt8(0) !== VERSION) return null;
      const appointmentLength = raw.readUInt8(13);
      const bodyLength = HEADER + appointmentLength;
      const signature = raw.subarray(bodyLength);
      if (signature.length !== macLengthFor(bodyLength)) return null;
      const body = raw.subarray(0, bodyLength);
      if (!timingSafeEqual(signature, mac(body).subarray(0, signature.length))) return null;
      const locationId = raw.readUInt32BE(9);
      const appointmentId = raw.subarray(HEADER, bodyLength).toString('ascii');
      return {
        typeId: raw.readUInt32BE(1),
        startsAt: raw.readUInt32BE(5) * 1000,
        locationId: locationId === 0 ? null : locationId,
        ...(appointmentId ? { appointmentId } : {}),
      };
    },
  };
}
