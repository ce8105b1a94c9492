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
import type { ParentOriginParam } from './protocol.js';

export const FRAME_SELECTOR = '[data-patient-booking-iframe]';

/** Height before the frame's first report (about the first step's); `data-height` overrides it. */
const INITIAL_HEIGHT = 640;
const PARENT_ORIGIN: ParentOriginParam = 'parent-origin';

interface Frame {
  host: Element;
  iframe: HTMLIFrameElement;
  origin: string;
  height: number;
}

const frames: Frame[] = [];

/** `embed.html` beside embed.js, with the host's contract `data-*` attributes and its origin. */
export function frameSrc(host: Element, embedHtml: string): URL {
  const url = new URL(embedHtml);
  for (const [name, value] of dataAttributes(host))
    if (!isLaunchAttribute(name)) url.searchParams.set(name, value);
  // Like <patient-booking>, the frame speaks the host page's language unless told otherwise.
  const lang = document.documentElement.lang;
  if (!url.searchParams.has('locale') && lang) url.searchParams.set('locale', lang);
  if (location.origin !== 'null') url.searchParams.set(PARENT_ORIGIN, location.origin);
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

/** Puts the iframe of `embedHtml` into `host` (once); false when that was done already. */
export function upgradeFrame(host: Element, embedHtml: string): boolean {
  if (frames.some((f) => f.host === host)) return false;
  warnIgnoredEndpoints(host);
  const src = frameSrc(host, embedHtml);
  const iframe = document.createElement('iframe');
  iframe.title = host.getAttribute('data-title') || defaultTitle(src);
  // No sandbox and no allow list: patient login opens a popup from inside the frame.
  iframe.setAttribute('scrolling', 'no');
  // The frame checks `parent-origin` against the referrer; keep the origin even under no-referrer.
  iframe.referrerPolicy = 'strict-origin';
  const height = initialHeight(host);
  // CSSOM, not a style attribute: allowed under a strict style-src.
  Object.assign(iframe.style, {
    display: 'block',
    width: '100%',
    border: '0',
    overflow: 'hidden',
    height: `${height}px`,
    // As in the frame: equal color schemes keep the iframe transparent around the widget.
    colorScheme: 'light dark',
  });
  iframe.src = src.href;
  host.replaceChildren(iframe);
  frames.push({ host, iframe, origin: src.origin, height });
  return true;
}

/** The window's `message` listener: resizes the iframe or re-dispatches an event on its host. */
export function handleMessage(event: MessageEvent): void {
  if (event.source === null) return;
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame || event.origin !== frame.origin) return;
  const message = readMessage(event.data);
  if (!message) return;
  if (message.type === 'resize') {
    if (message.height === frame.height) return;
    frame.height = message.height;
    frame.iframe.style.height = `${message.height}px`;
    return;
  }
  frame.host.dispatchEvent(
    new CustomEvent(message.type, { detail: message.detail, bubbles: true, composed: true }),
  );
}
