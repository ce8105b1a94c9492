/**
 * The frame's side of the messages: the widget's public events and the page's height, posted to
 * `parent` with the parent's exact origin as target, never `*`. That origin comes from the
 * `parent-origin` query parameter (set by embed.js) and must agree with what the browser says
 * about the parent (`location.ancestorOrigins`, else `document.referrer`); if not, nothing is
 * posted. Which sites may frame embed.html at all is the `frame-ancestors` header's job.
 */
import type { PatientBookingEventName } from '../events.js';
import type { FrameMessage } from './protocol.js';

const EVENTS: Record<PatientBookingEventName, true> = {
  'booking-confirmed': true,
  'booking-rescheduled': true,
  'booking-cancelled': true,
  'booking-step-change': true,
  'booking-error': true,
};

/** A smaller height is posted only once it has held this long: no flicker between steps. */
const SHRINK_DELAY_MS = 150;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The parent's exact origin, or null if unknown, not a bare origin, or contradicted. */
export function parentOrigin(claimed: string | null): string | null {
  if (window.parent === window || !claimed) return null;
  const origin = originOf(claimed);
  if (!origin || origin === 'null' || origin !== claimed.replace(/\/$/, '')) return null;
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor === origin ? origin : null;
  if (document.referrer) return originOf(document.referrer) === origin ? origin : null;
  // Nothing to compare with: the exact target origin alone decides who can receive.
  return origin;
}

function watchHeight(post: (message: FrameMessage) => void): () => void {
  let posted = -1;
  let shrinkTimer: ReturnType<typeof setTimeout> | undefined;
  const send = (height: number) => {
    posted = height;
    post({ source: 'patient-booking', type: 'resize', height });
  };
  const measure = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    clearTimeout(shrinkTimer);
    if (height > posted) send(height);
    else if (height < posted) shrinkTimer = setTimeout(() => send(height), SHRINK_DELAY_MS);
  };
  new ResizeObserver(measure).observe(document.body);
  return measure;
}

/** Starts posting to the parent; does nothing when its origin is not confirmed. */
export function startMessaging(claimedParentOrigin: string | null): void {
  const target = parentOrigin(claimedParentOrigin);
  if (!target) return;
  const post = (message: FrameMessage) => {
    try {
      parent.postMessage(message, target);
    } catch (error) {
      console.error('patient-booking: could not post to the host page', error);
    }
  };
  const measure = watchHeight(post);
  for (const type of Object.keys(EVENTS) as PatientBookingEventName[]) {
    document.addEventListener(type, (event) => {
      const { detail } = event as CustomEvent<unknown>;
      post({ source: 'patient-booking', type, detail } as FrameMessage);
      // Frames scrolled out of view get no ResizeObserver callbacks; a step change re-measures.
      setTimeout(measure);
    });
  }
}
