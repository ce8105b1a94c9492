/**
 * embed-frame.js, loaded by embed.html before patient-booking.js: creates the widget from the
 * page's query parameters (the contract's attribute names, nothing else: no endpoint; the
 * widget's backend is this page's own folder) and, when the parent's
 * origin is known and confirmed, posts the widget's events and the page's height to the parent
 * (frame-post.ts). Imports nothing from the widget, so each stays one file.
 */
import type { DetailOf } from '../contract/events.js';
import type { Locale } from '../contract/locales.js';
import './registries.js';
import type { FillsDialogParam, FrameAttribute, IgnoredEndpoint } from './protocol.js';
import { startMessaging } from './frame-post.js';

const ATTRIBUTES: Record<FrameAttribute, true> = {
  locale: true,
  'insurance-id': true,
  'appointment-category-id': true,
  'appointment-type-id': true,
  theme: true,
  variant: true,
};

/** Endpoint-like query parameters: never used (the backend is this page's own folder). */
const IGNORED: Record<IgnoredEndpoint, true> = {
  backend: true,
  src: true,
  'portal-url': true,
  'api-url': true,
  'token-url': true,
  'client-id': true,
  'redirect-url': true,
};

/**
 * No margin, no scrollbar: the host sizes the iframe to the content; a frame that fills a dialog
 * of the host (`fills`) scrolls instead. Transparent, and with the same `color-scheme` as the
 * iframe element (embed.js sets it), else the browser paints an opaque canvas around the widget.
 * A constructed sheet, so a strict style-src needs nothing extra.
 */
function applyFrameStyles(fills: boolean): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':root{color-scheme:light dark}' +
      'html,body{margin:0;padding:0;background:transparent}' +
      (fills ? '' : 'html,body{overflow:hidden}') +
      'body{display:flow-root}',
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * embed.html framed by a hand-made `<iframe>`, not by embed.js: it cannot learn the host page's
 * origin, so it can neither size its iframe nor pass its events on. Named in one line and a
 * `booking-error` in the frame (nothing leaves it); the patient books inside the fixed-size frame.
 */
function warnFramedByHand(widget: Element): void {
  console.warn(
    'patient-booking: embed.html is framed without embed.js (no parent-origin): expected ' +
      '<div data-patient-booking-iframe> and embed.js on the host page, which size the frame ' +
      'and pass on its events',
  );
  const detail: DetailOf<'booking-error'> = {
    code: 'config',
    message: 'The widget is not configured correctly.',
    setting: 'parent-origin',
  };
  widget.dispatchEvent(new CustomEvent('booking-error', { detail, bubbles: true, composed: true }));
}

const params = new URLSearchParams(location.search);
/** The widget's language as it will pick it: `locale`, then the browser, then German. */
const locale = ([params.get('locale'), ...navigator.languages]
  .map((tag) => tag?.trim().toLowerCase().split(/[-_]/)[0])
  .find((tag) => tag && tag in __PB_LOCALES__) ?? 'de') as Locale;
document.documentElement.lang = locale;
document.title = __PB_LOCALES__[locale].page;
const FILLS_DIALOG: FillsDialogParam = 'fills-dialog';
const fillsDialog = params.get(FILLS_DIALOG) === '1';
applyFrameStyles(fillsDialog);

const widget = document.createElement('patient-booking');
for (const name of Object.keys(ATTRIBUTES)) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
const ignored = Object.keys(IGNORED).filter((name) => params.has(name));
if (ignored.length > 0) {
  console.warn(`patient-booking: ${ignored.join(', ')} ignored: the backend is this page's folder`);
}
document.body.append(widget);
if (window.parent !== window && !params.has('parent-origin')) warnFramedByHand(widget);
startMessaging(params.get('parent-origin'), fillsDialog);
