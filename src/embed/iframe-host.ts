/**
 * Iframe mode on the host page: `<div data-patient-booking-iframe data-locale="…">` gets an
 * iframe of `embed.html` from embed.js's own folder (no URL in the markup), which takes its height
 * from the frame's messages, and the widget's public events are dispatched again on the div. A
 * message counts only if it comes from that iframe's window, from embed.html's origin, and has
 * exactly one of our shapes (messages.ts).
 */
import { dataAttributes, isLaunchAttribute, warnIgnoredEndpoints } from './attributes.js';
import type { Locale } from '../contract/locales.js';
import './registries.js';
import { readMessage } from './messages.js';
import { frameInDialog } from './iframe-dialog.js';
import type { FillsDialogParam, ParentOriginParam } from './protocol.js';

export const FRAME_SELECTOR = '[data-patient-booking-iframe]';

/** Height before the frame's first report (about the first step's); `data-height` overrides it. */
const INITIAL_HEIGHT = 640;
const PARENT_ORIGIN: ParentOriginParam = 'parent-origin';
const FILLS_DIALOG: FillsDialogParam = 'fills-dialog';

interface Frame {
  host: Element;
  iframe: HTMLIFrameElement;
  origin: string;
  height: number;
  /** In a dialog: as high as the dialog, the frame scrolls itself (its heights are not used). */
  fills: boolean;
}

const frames: Frame[] = [];

/** `embed.html` beside embed.js, with the host's contract `data-*` attributes and its origin. */
export function frameSrc(host: Element, embedHtml: string, fills = false): URL {
  const url = new URL(embedHtml);
  for (const [name, value] of dataAttributes(host))
    if (!isLaunchAttribute(name)) url.searchParams.set(name, value);
  // Like <patient-booking>, the frame speaks the host page's language unless told otherwise.
  const lang = document.documentElement.lang;
  if (!url.searchParams.has('locale') && lang) url.searchParams.set('locale', lang);
  if (location.origin !== 'null') url.searchParams.set(PARENT_ORIGIN, location.origin);
  if (fills) url.searchParams.set(FILLS_DIALOG, '1');
  return url;
}

function initialHeight(host: Element): number {
  const given = Number(host.getAttribute('data-height'));
  return Number.isFinite(given) && given > 0 ? given : INITIAL_HEIGHT;
}

function defaultTitle(src: URL): string {
  const tag = src.searchParams.get('locale')?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return __PB_LOCALES__[(tag in __PB_LOCALES__ ? tag : 'de') as Locale].frame;
}

/** The divs upgraded already (their iframe may wait for the first open or sight). */
const upgraded = new WeakSet<Element>();

/**
 * Upgrades `host` (once; false when that was done already): the iframe of `embedHtml` in it at
 * once, once it is in view (`data-load="interaction"`), or in a dialog behind a button
 * (`data-mode="popup"` or `"floating"`).
 */
export function upgradeFrame(host: Element, embedHtml: string): boolean {
  if (upgraded.has(host)) return false;
  upgraded.add(host);
  warnIgnoredEndpoints(host);
  const make = () => makeFrame(host, embedHtml);
  const mode = host.getAttribute('data-mode');
  if (mode === 'popup' || mode === 'floating') {
    frameInDialog(host, () => makeFrame(host, embedHtml, true));
  } else if (host.getAttribute('data-load') === 'interaction') {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      host.replaceChildren(make());
    });
    observer.observe(host);
  } else {
    host.replaceChildren(make());
  }
  return true;
}

/**
 * An iframe of `embedHtml` whose messages count for `host`: self-sizing, or (`fills`) sized by
 * the dialog it fills, scrolling itself.
 */
function makeFrame(host: Element, embedHtml: string, fills = false): HTMLIFrameElement {
  const src = frameSrc(host, embedHtml, fills);
  const iframe = document.createElement('iframe');
  iframe.title = host.getAttribute('data-title') || defaultTitle(src);
  // No sandbox and no allow list: patient login opens a popup from inside the frame.
  if (!fills) iframe.setAttribute('scrolling', 'no');
  // The frame checks `parent-origin` against the referrer; keep the origin even under no-referrer.
  iframe.referrerPolicy = 'strict-origin';
  const height = initialHeight(host);
  // CSSOM, not a style attribute: allowed under a strict style-src.
  Object.assign(iframe.style, {
    display: 'block',
    width: '100%',
    border: '0',
    overflow: fills ? 'auto' : 'hidden',
    height: fills ? '100%' : `${height}px`,
    // As in the frame: equal color schemes keep the iframe transparent around the widget.
    colorScheme: 'light dark',
  });
  iframe.src = src.href;
  frames.push({ host, iframe, origin: src.origin, height, fills });
  return iframe;
}

/** The window's `message` listener: resizes the iframe or re-dispatches an event on its host. */
export function handleMessage(event: MessageEvent): void {
  if (event.source === null) return;
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame || event.origin !== frame.origin) return;
  const message = readMessage(event.data);
  if (!message) return;
  if (message.type === 'escape') {
    frame.iframe.closest('dialog')?.close();
    return;
  }
  if (message.type === 'resize') {
    // A frame that fills a dialog keeps the dialog's height whatever a message says (it posts
    // none): a step that grows or shrinks never moves it under the patient's pointer.
    if (frame.fills || message.height === frame.height) return;
    frame.height = message.height;
    frame.iframe.style.height = `${message.height}px`;
    return;
  }
  frame.host.dispatchEvent(
    new CustomEvent(message.type, { detail: message.detail, bubbles: true, composed: true }),
  );
}
