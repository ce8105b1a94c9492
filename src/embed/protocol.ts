/**
 * What embed.js (host page) and embed-frame.js (inside embed.html) agree on. Types only: the two
 * scripts are separate one-file entries and share no runtime code (embed.js runs as a classic
 * script).
 */
import type { DetailOf, PatientBookingEventName } from '../contract/events.js';

/**
 * The element's attributes that `embed.html` takes from its query: the only names embed-frame.js
 * ever copies. No endpoint among them: in CMS markup and `embed.html` the backend is always the
 * loader's own directory.
 */
export type FrameAttribute =
  | 'locale'
  | 'insurance-id'
  | 'appointment-category-id'
  | 'appointment-type-id'
  | 'theme'
  | 'variant';

/**
 * How the widget comes onto the page (popup, floating, on interaction): the element's for CMS
 * markup; in iframe mode embed.js does it on the host page, and the frame never sees them.
 */
export type LaunchAttribute = 'mode' | 'load' | 'button-label';

/** The element's attributes that markup may set (README, "Attributes"): all embed.js copies. */
export type ContractAttribute = FrameAttribute | LaunchAttribute;

/**
 * Endpoint-like names that markup and query strings may carry but the loaders never use: each
 * loader says so in one console line (a `Record` of these in each, so the compiler keeps the two
 * lists equal without shared runtime code).
 */
export type IgnoredEndpoint =
  'backend' | 'src' | 'portal-url' | 'api-url' | 'token-url' | 'client-id' | 'redirect-url';

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

/**
 * Escape was pressed in the frame (and no dialog of the widget's took it): the host's dialog
 * around the iframe (popup and floating modes) closes, as Escape on the host page would.
 */
export interface EscapeMessage {
  source: MessageSource;
  type: 'escape';
}

export type FrameMessage = EventMessage | ResizeMessage | EscapeMessage;

/** The query parameter (set by embed.js) that tells the frame its parent's exact origin. */
export type ParentOriginParam = 'parent-origin';

/**
 * The query parameter (`=1`, set by embed.js) of a frame that fills a dialog of the host page: the
 * frame scrolls itself and posts no height.
 */
export type FillsDialogParam = 'fills-dialog';
