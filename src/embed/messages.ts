/**
 * The host side's check of a message from an embed frame: only the exact shapes of protocol.ts
 * pass. A detail is rebuilt from its known fields (typed and length-limited), so whatever else a
 * message carries never reaches host code.
 */
import type { DetailField as Field, PatientBookingEventName } from '../contract/events.js';
import type { FrameMessage } from './protocol.js';
import './registries.js';

/** Every public event with the kind of each detail field (the registry, written in by the build). */
const DETAILS = __PB_EVENTS__;

/** Taller than any booking step; a bigger "height" is not from our frame. */
export const MAX_HEIGHT = 20_000;
const MAX_STRING = 2_000;

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function fieldOk(type: Field, value: unknown, present: boolean): boolean {
  const isString = typeof value === 'string' && value.length <= MAX_STRING;
  switch (type) {
    case 'string':
      return present && isString;
    case 'boolean':
      return present && typeof value === 'boolean';
    case 'string|null':
      return present && (value === null || isString);
    case 'status?':
      return !present || (Number.isInteger(value) && (value as number) >= 0);
  }
}

function readDetail(type: PatientBookingEventName, detail: unknown): Plain | null {
  if (!isPlain(detail)) return null;
  const fields: Record<string, Field> = DETAILS[type];
  const clean: Plain = {};
  for (const [key, fieldType] of Object.entries(fields)) {
    const present = own(detail, key) && detail[key] !== undefined;
    if (!fieldOk(fieldType, detail[key], present)) return null;
    if (present) clean[key] = detail[key];
  }
  return clean;
}

/** The message if it has exactly one of our shapes, else null. */
export function readMessage(data: unknown): FrameMessage | null {
  if (!isPlain(data) || data.source !== 'patient-booking' || typeof data.type !== 'string') {
    return null;
  }
  const { type } = data;
  if (type === 'resize') {
    const { height } = data;
    const ok = typeof height === 'number' && Number.isFinite(height);
    return ok && height >= 0 && height <= MAX_HEIGHT
      ? { source: 'patient-booking', type, height: Math.ceil(height) }
      : null;
  }
  if (type === 'escape')
    return Object.keys(data).length === 2 ? { source: 'patient-booking', type } : null;
  if (!own(DETAILS, type)) return null;
  const detail = readDetail(type as PatientBookingEventName, data.detail);
  return detail ? ({ source: 'patient-booking', type, detail } as unknown as FrameMessage) : null;
}
