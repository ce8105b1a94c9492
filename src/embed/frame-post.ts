/**
 * The frame's side of the messages: the widget's public events and the page's height, posted to
 * `parent` with the parent's exact origin as target, never `*`. That origin comes from the
 * `parent-origin` query parameter (set by embed.js) and must agree with what the browser says
 * about the parent (`location.ancestorOrigins`, else `document.referrer`); if not, nothing is
 * posted. Which sites may frame embed.html at all is the `frame-ancestors` header's job.
 */
import type { PatientBookingEventName } from '../contract/events.js';
import type { FrameMessage } from './protocol.js';
import './registries.js';

/** The public events (the registry, written in by the build). */
const EVENTS = __PB_EVENTS__;

/** The widget's performance mark for its first screen (`src/patient-booking.ts`). */
const FIRST_SCREEN = 'patient-booking:first-screen';

/** A smaller height is posted only once it has held this long: no flicker between steps. */
const SHRINK_DELAY_MS = 300;

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

/** How often the height is read anyway: see `watchHeight`. */
const POLL_MS = 500;

/** A loading skeleton (`aria-busy`, not a busy button) shows somewhere, shadow roots included. */
function loading(root: ParentNode): boolean {
  for (const el of root.querySelectorAll('*')) {
    if (el.getAttribute('aria-busy') === 'true' && el.localName !== 'button') return true;
    if (el.shadowRoot && loading(el.shadowRoot)) return true;
  }
  return false;
}

/**
 * Posts the page's height as it changes. The iframe's own height is the host's placeholder: a
 * taller page is posted at once, a shorter one only once the widget shows its first step with its
 * choices (the loading skeletons before are shorter: posting them would make the host page jump
 * twice) and then only when it has lasted. Chromium does not render a cross-origin frame scrolled
 * out of view, so no ResizeObserver callback comes there: a cheap read every POLL_MS keeps such a
 * frame the right height before the patient scrolls to it. Returns "the first step is shown".
 */
function watchHeight(post: (message: FrameMessage) => void): () => void {
  let posted = window.innerHeight;
  let shown = false;
  let settled = false;
  let shrinkTimer: ReturnType<typeof setTimeout> | undefined;
  let shrinkingTo = -1;
  const send = (height: number) => {
    posted = height;
    post({ source: 'patient-booking', type: 'resize', height });
  };
  const measure = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    settled ||= shown && !loading(document);
    if (height === shrinkingTo) return; // already waiting for it to last
    clearTimeout(shrinkTimer);
    shrinkingTo = -1;
    if (height > posted) send(height);
    // A step that is still loading is not its final height: shrinking to its skeleton, then
    // growing to its content, would make the host page jump (seen with a slow CPU).
    else if (height < posted && settled && !loading(document)) {
      shrinkingTo = height;
      shrinkTimer = setTimeout(() => {
        shrinkingTo = -1;
        send(height);
      }, SHRINK_DELAY_MS);
    }
  };
  new ResizeObserver(measure).observe(document.body);
  setInterval(measure, POLL_MS);
  return () => {
    shown = true;
    measure();
  };
}

/** Posts the page's height as it changes (`watchHeight`), shorter ones once the first step shows. */
function postHeights(post: (message: FrameMessage) => void): void {
  const stepShown = watchHeight(post);
  // The widget marks the frame that paints its first step's choices (or the error in their
  // place). The first event is no such sign: it comes as the step is entered, before its data, and
  // a shrink posted then (to a step still being built, under load) made the host page jump.
  new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_SCREEN).length > 0) stepShown();
  }).observe({ type: 'mark' });
  if (performance.getEntriesByName(FIRST_SCREEN).length > 0) stepShown();
}

/** Whether a modal dialog of the widget is open in `root` (its shadow roots included). */
function openDialogIn(root: Document | ShadowRoot): boolean {
  if (root.querySelector('dialog[open]')) return true;
  return [...root.querySelectorAll('*')].some(
    (el) => !!el.shadowRoot && openDialogIn(el.shadowRoot),
  );
}

/**
 * Starts posting to the parent; does nothing when its origin is not confirmed. A frame that fills
 * a dialog of the host (`fillsDialog`) has the dialog's height: it posts none of its own.
 */
export function startMessaging(claimedParentOrigin: string | null, fillsDialog = false): void {
  const target = parentOrigin(claimedParentOrigin);
  if (!target) {
    if (claimedParentOrigin && window.parent !== window) {
      console.warn(
        `patient-booking: parent-origin=${claimedParentOrigin} is not the origin of the page ` +
          'that frames embed.html: nothing is posted to it (expected the URL embed.js makes)',
      );
    }
    return;
  }
  const post = (message: FrameMessage) => {
    try {
      parent.postMessage(message, target);
    } catch (error) {
      console.error('patient-booking: could not post to the host page', error);
    }
  };
  if (!fillsDialog) postHeights(post);
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !openDialogIn(document)) {
      post({ source: 'patient-booking', type: 'escape' });
    }
  });
  for (const type of Object.keys(EVENTS) as PatientBookingEventName[]) {
    document.addEventListener(type, (event) => {
      const { detail } = event as CustomEvent<unknown>;
      post({ source: 'patient-booking', type, detail } as FrameMessage);
    });
  }
}
