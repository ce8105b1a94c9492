/**
 * What embed.js (host page) and embed-frame.js (inside embed.html) agree on. Types only: the two
 * scripts are separate one-file entries and must not share runtime code (a shared module would
 * become a chunk both import, and embed.js must stay a plain classic script).
 */
import type { PatientBookingEventMap, PatientBookingEventName } from '../events.js';

/** The element's attributes (DESIGN.md's contract): the only names the loaders ever copy. */
export type ContractAttribute =
  | 'portal-url'
  | 'api-url'
  | 'token-url'
  | 'client-id'
  | 'redirect-url'
  | 'locale'
  | 'insurance-id'
  | 'appointment-category-id'
  | 'appointment-type-id'
  | 'theme';

export type DetailOf<K extends PatientBookingEventName> =
  PatientBookingEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Marks every message of ours; anything else on the message channel is ignored. */
export type MessageSource = 'patient-booking';

/** A public event, posted by the frame to its parent and re-dispatched there. */
export type EventMessage = {
  [K in PatientBookingEventName]: { source: MessageSource; type: K; detail: DetailOf<K> };
}[PatientBookingEventName];

/** The frame's content height in CSS pixels, posted whenever it changes. */
export interface ResizeMessage {
  source: MessageSource;
  type: 'resize';
  height: number;
}

export type FrameMessage = EventMessage | ResizeMessage;

/** The query parameter (set by embed.js) that tells the frame its parent's exact origin. */
export type ParentOriginParam = 'parent-origin';
