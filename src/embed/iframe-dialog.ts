/**
 * Iframe mode with `data-mode="popup"` or `"floating"`: the div gets a button (`data-button-label`,
 * else the language's words) that opens a modal dialog of the host page holding the iframe, made
 * on the first open, so that nothing loads before. As the element's own dialog: the browser's
 * `<dialog>` (the page behind inert, Escape closes it), a visible close button, the focus back on
 * the opener, the page behind still (`page-scroll.ts`). A page's own opener,
 * `data-patient-booking-open="id of the div"`, replaces the button. Styles through the CSSOM:
 * nothing for a strict style-src to refuse.
 */
import type { Locale } from '../contract/locales.js';
import { lockPageScroll } from './page-scroll.js';
import './registries.js';

type Style = Partial<CSSStyleDeclaration>;

const PALETTE = {
  light: { accent: '#0b6e69', onAccent: '#ffffff', text: '#1c2424', surface: '#ffffff' },
  dark: { accent: '#5cc8c0', onAccent: '#0d1717', text: '#e8eeee', surface: '#151c1c' },
};

const BUTTON: Style = {
  minHeight: '2.75em',
  padding: '0.5em 1.25em',
  font: 'inherit',
  fontWeight: '600',
  borderRadius: '0.75em',
  cursor: 'pointer',
};

const FLOATING: Style = {
  position: 'fixed',
  right: 'max(0.75em, env(safe-area-inset-right))',
  bottom: 'max(0.75em, env(safe-area-inset-bottom))',
  zIndex: '2147483000',
  boxShadow: '0 0.25em 1em rgb(0 0 0 / 0.35)',
};

/**
 * Centred, as wide as the widget and nearly as high as the window on a wide screen; the whole
 * screen on a phone. A fixed size: the frame fills it and scrolls itself, so a step that grows
 * or shrinks never moves the dialog, nor the frame in it.
 */
const WIDE: Style = {
  width: 'min(calc(100% - 3em), 40em)',
  height: 'calc(100% - 2em)',
  maxWidth: 'none',
  maxHeight: 'none',
  margin: 'auto',
  border: '1px solid #b9c4c4',
  borderRadius: '0.75em',
};
const PHONE: Style = {
  width: '100%',
  height: '100%',
  maxWidth: 'none',
  maxHeight: 'none',
  margin: '0',
  border: '0',
  borderRadius: '0',
};

/** The page's openers for the div with `id`, by the div. */
const openers = new WeakMap<Element, (opener: HTMLElement) => void>();

function language(host: Element): Locale {
  const tag = (host.getAttribute('data-locale') || document.documentElement.lang || '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  return (tag && tag in __PB_LAUNCHER__ ? tag : 'de') as Locale;
}

function palette(host: Element) {
  const theme = host.getAttribute('data-theme');
  const dark =
    theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  return PALETTE[dark ? 'dark' : 'light'];
}

/** Puts the opener button and the (still empty) dialog into `host`. */
export function frameInDialog(host: Element, makeFrame: () => HTMLIFrameElement): void {
  const locale = language(host);
  const labels = __PB_LAUNCHER__[locale];
  const colours = palette(host);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = host.getAttribute('data-button-label') || labels.open;
  button.setAttribute('aria-haspopup', 'dialog');
  Object.assign(button.style, BUTTON, {
    color: colours.onAccent,
    background: colours.accent,
    border: `1px solid ${colours.accent}`,
  });
  if (host.getAttribute('data-mode') === 'floating') Object.assign(button.style, FLOATING);
  button.hidden = !!host.id && !!document.querySelector(`[data-patient-booking-open="${host.id}"]`);

  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', __PB_LOCALES__[locale].page);
  Object.assign(dialog.style, {
    boxSizing: 'border-box',
    overflow: 'hidden',
    padding: '0 0.5em 0.5em',
    color: colours.text,
    background: colours.surface,
    colorScheme: 'light dark',
  });
  const bar = document.createElement('div');
  Object.assign(bar.style, { display: 'flex', justifyContent: 'flex-end', padding: '0.5em 0' });
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = labels.close;
  Object.assign(close.style, BUTTON, {
    color: colours.text,
    background: colours.surface,
    border: '1px solid #b9c4c4',
  });
  bar.append(close);
  // The bar, then the frame in the rest of the dialog's height.
  const column = document.createElement('div');
  Object.assign(column.style, { display: 'flex', flexDirection: 'column', height: '100%' });
  column.append(bar);
  dialog.append(column);

  let unlock: (() => void) | null = null;
  let returnTo: HTMLElement = button;
  const open = (opener: HTMLElement) => {
    if (dialog.open) return;
    returnTo = opener;
    if (!column.querySelector('iframe')) {
      const frame = makeFrame();
      Object.assign(frame.style, { flex: '1 1 0', minHeight: '0' });
      column.append(frame);
    }
    Object.assign(dialog.style, matchMedia('(max-width: 40em)').matches ? PHONE : WIDE);
    unlock = lockPageScroll();
    dialog.showModal();
  };
  button.addEventListener('click', () => open(button));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    unlock?.();
    unlock = null;
    if (returnTo.isConnected) returnTo.focus({ preventScroll: true });
  });
  openers.set(host, open);
  host.replaceChildren(button, dialog);
}

/** The window's click listener: a page's `data-patient-booking-open="id"` for an iframe's div. */
export function handleOpenerClick(event: MouseEvent): void {
  const opener =
    event.target instanceof Element ? event.target.closest('[data-patient-booking-open]') : null;
  const id = opener?.getAttribute('data-patient-booking-open');
  const host = id ? document.getElementById(id) : null;
  const open = host && openers.get(host);
  if (!open || !(opener instanceof HTMLElement)) return;
  event.preventDefault();
  open(opener);
}
