/**
 * embed.js, the host-page loader (one classic script: `<script src="…/embed.js" defer>`; the
 * build wraps it in a function and checks it has no import or export). It
 * - upgrades CMS-safe markup, `<div data-patient-booking data-locale="…">`, into
 *   `<patient-booking>` and then loads patient-booking.js from its own directory;
 * - turns `<div data-patient-booking-iframe data-locale="…">` into a self-sizing iframe of the
 *   `embed.html` beside it, whose events are dispatched again on the div (or, with `data-mode`,
 *   a button that opens that iframe in a dialog: `iframe-dialog.ts`);
 * The backend is always embed.js's own folder: no URL in the markup is ever used.
 * and keeps doing both for such elements added later. Included twice, the second copy does nothing.
 */
import { CONTRACT_ATTRIBUTES } from './attributes.js';
import { FRAME_SELECTOR, handleMessage, upgradeFrame } from './iframe-host.js';
import { handleOpenerClick } from './iframe-dialog.js';
import { MARKUP_SELECTOR, mirrorAttribute, upgradeMarkup } from './markup.js';

const GUARD = Symbol.for('patient-booking.embed');
const UPGRADE_ATTRIBUTES = ['data-patient-booking', 'data-patient-booking-iframe'];

/** The URL this script was loaded from (classic: currentScript; else the `embed.js` script tag). */
function ownUrl(): string | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src]');
  const mine = [...tags].find((s) =>
    new URL(s.src, document.baseURI).pathname.endsWith('/embed.js'),
  );
  return mine?.src ?? null;
}

function start(): void {
  const global = window as unknown as Record<symbol, unknown>;
  if (global[GUARD]) return;
  global[GUARD] = true;

  const own = ownUrl();
  const widgetUrl = own ? new URL('patient-booking.js', own).href : null;
  const embedHtml = own ? new URL('embed.html', own).href : null;
  let loading = false;

  /** Loads the widget once, and only if the page has markup to upgrade and no widget yet. */
  const loadWidget = () => {
    if (loading || customElements.get('patient-booking')) return;
    loading = true;
    if (!widgetUrl) return console.error('patient-booking: cannot tell where embed.js came from');
    // A dynamic import, not an injected <script>: no Trusted Types sink on strict pages.
    import(/* @vite-ignore */ widgetUrl).catch((error: unknown) =>
      console.error(`patient-booking: could not load ${widgetUrl}`, error),
    );
  };

  const scan = (root: Element | Document) => {
    const all = (selector: string) => [
      ...(root instanceof Element && root.matches(selector) ? [root] : []),
      ...root.querySelectorAll(selector),
    ];
    for (const host of all(MARKUP_SELECTOR)) if (upgradeMarkup(host)) loadWidget();
    for (const host of all(FRAME_SELECTOR)) if (embedHtml) upgradeFrame(host, embedHtml);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node instanceof Element) scan(node);
      } else if (record.attributeName && record.target instanceof Element) {
        if (UPGRADE_ATTRIBUTES.includes(record.attributeName)) scan(record.target);
        else mirrorAttribute(record.target, record.attributeName);
      }
    }
  });

  window.addEventListener('message', handleMessage);
  document.addEventListener('click', handleOpenerClick);
  const run = () => {
    scan(document);
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [...UPGRADE_ATTRIBUTES, ...CONTRACT_ATTRIBUTES.map((n) => `data-${n}`)],
    });
  };
  // Wait for the parser, so a div's fallback content is complete before it is replaced.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}

start();
