/**
 * How the widget comes onto the page: `mode="inline"` (the default) shows it where the element
 * stands, at once or, with `load="interaction"`, once it is scrolled into view; `mode="popup"`
 * and `mode="floating"` show a button (or use the page's own opener, `data-patient-booking-open`)
 * that opens it in a modal dialog. Until then the widget fetches nothing: no data, no code beyond
 * its own file. Only what must be there before the first click is here (the button, the
 * listeners); the dialog is a chunk of its own (`lazy/load-dialog.ts`, `widget-dialog.ts`).
 */
import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { OPEN_LABELS, type Locale } from '../contract/locales.js';
import { loadDialog } from '../lazy/load-dialog.js';
import type { WidgetDialog } from './widget-dialog.js';

/** The page's own opener: `data-patient-booking-open`, or `="id"` for the widget at or in `#id`. */
export const OPENER = 'data-patient-booking-open';

export interface LauncherHost extends ReactiveElement {
  mode: string | null;
  load: string | null;
  buttonLabel: string | null;
}

/** Whether the page's `opener` opens `host`: by id (the widget or the first in it), else the first popup. */
export function opens(opener: Element, host: Element): boolean {
  const id = opener.getAttribute(OPENER);
  const target = id ? document.getElementById(id) : document;
  const first = target?.querySelector(id ? 'patient-booking' : '[mode=popup],[mode=floating]');
  return target === host || first === host;
}

export class Launcher implements ReactiveController {
  /** True once the widget may fetch its data and code (and from then on). */
  active = false;
  private dialog: WidgetDialog | null = null;
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly host: LauncherHost,
    private readonly on: { activate(): void; locale(): Locale },
  ) {
    host.addController(this);
  }

  private get inDialog(): boolean {
    return this.host.mode === 'popup' || this.host.mode === 'floating';
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    document.removeEventListener('click', this.onClick);
    this.dialog?.dispose();
  }

  /**
   * Before each update: starts now, or waits for what `mode` and `load` ask for. Inline with
   * `load="interaction"`, that is the first sight of the element: a click or a focus in it comes
   * after it (it shows nothing focusable before).
   */
  sync(): void {
    if (this.inDialog) document.addEventListener('click', this.onClick);
    else if (this.host.load !== 'interaction') this.activate();
    else if (!this.active)
      (this.observer ??= new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.activate();
      })).observe(this.host);
  }

  activate(): void {
    if (this.active) return;
    this.active = true;
    this.observer?.disconnect();
    this.on.activate();
  }

  /** A click on this widget's button or on a page opener of it: the dialog opens. */
  private readonly onClick = (event: MouseEvent): void => {
    const target = event.composedPath()[0] as Element;
    const own = target.closest?.('.opener');
    const opener = own || target.closest?.(`[${OPENER}]`);
    if (!opener || (own ? own.getRootNode() !== this.host.renderRoot : !opens(opener, this.host)))
      return;
    event.preventDefault(); // a link's href is the page's fallback without the widget
    this.activate();
    loadDialog().then(
      (WidgetDialog) => (this.dialog ??= new WidgetDialog(this.host)).open(opener as HTMLElement),
      console.error, // the chunk did not come: its URL is in the error
    );
  };

  /** The opener button (unless the page has its own) and the dialog around `widget`. */
  render(widget: () => unknown): unknown {
    if (!this.inDialog) return widget();
    const locale = this.on.locale();
    const own = ![...document.querySelectorAll(`[${OPENER}]`)].some((o) => opens(o, this.host));
    return html`${
      own
        ? html`<button
            type="button"
            class="opener ${this.host.mode}"
            part="open-button"
            aria-haspopup="dialog"
          >
            ${this.host.buttonLabel || OPEN_LABELS[locale]}
          </button>`
        : ''
    }${this.dialog?.render(widget(), locale) ?? ''}`;
  }
}
