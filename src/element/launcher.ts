/**
 * How the widget comes onto the page: `mode="inline"` (the default) shows it where the element
 * stands, at once or, with `load="interaction"`, once it is needed (scrolled into view, clicked
 * or focused); `mode="popup"` and `mode="floating"` show a button (or use the page's own opener,
 * `data-patient-booking-open`) that opens it in a modal dialog. Until then the widget fetches
 * nothing: no data, no code beyond its own file. The dialog's code is a chunk of its own
 * (`lazy/load-dialog.ts`), fetched when the patient points at or focuses the button, or clicks.
 */
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { LAUNCHER_LABELS, type Locale } from '../contract/locales.js';
import { loadDialog } from '../lazy/load-dialog.js';
import type { WidgetDialog } from './widget-dialog.js';

export type Mode = 'inline' | 'popup' | 'floating';

/** The page's own opener: `data-patient-booking-open`, or `="id"` for the widget at or in `#id`. */
export const OPENER = 'data-patient-booking-open';

export interface LauncherHost extends ReactiveElement {
  mode: string | null;
  load: string | null;
  buttonLabel: string | null;
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
    this.observer = null;
    document.removeEventListener('click', this.onPageClick);
    this.dialog?.dispose();
  }

  /**
   * Before each update: starts now, or waits for what `mode` and `load` ask for. Inline with
   * `load="interaction"`, that is the first sight of the element: a click or a focus in it comes
   * after it (it shows nothing focusable before).
   */
  sync(): void {
    if (this.inDialog) document.addEventListener('click', this.onPageClick);
    else if (this.host.load !== 'interaction') this.activate();
    else if (!this.active)
      (this.observer ??= new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.activate();
      })).observe(this.host);
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    this.observer?.disconnect();
    this.on.activate();
  }

  /** Whether `opener` (a page element with `data-patient-booking-open`) opens this widget. */
  private opens(opener: Element): boolean {
    const id = opener.getAttribute(OPENER);
    const target = id ? document.getElementById(id) : document;
    const first = target?.querySelector(
      id ? 'patient-booking' : 'patient-booking:is([mode=popup],[mode=floating])',
    );
    return target === this.host || first === this.host;
  }

  private readonly onPageClick = (event: MouseEvent): void => {
    const opener = event.target instanceof Element ? event.target.closest(`[${OPENER}]`) : null;
    if (!(opener instanceof HTMLElement) || !this.opens(opener)) return;
    event.preventDefault(); // a link's href is the page's fallback without the widget
    this.open(opener);
  };

  /** Fetches the dialog's code ahead of the click (the patient points at or focuses the button). */
  private readonly prefetch = (): void => void loadDialog().catch(() => undefined);

  /** Opens the dialog; `opener` gets the focus back when it closes. */
  private open(opener: HTMLElement): void {
    this.activate();
    loadDialog()
      .then((WidgetDialog) => {
        this.dialog ??= new WidgetDialog(this.host);
        this.host.requestUpdate();
        return this.host.updateComplete;
      })
      .then(() => this.dialog?.open(opener))
      .catch((error: unknown) => console.error('patient-booking: the dialog did not load', error));
  }

  /** The opener button (unless the page has its own) and the dialog around `widget`. */
  render(widget: () => unknown): unknown {
    if (!this.inDialog) return widget();
    const labels = LAUNCHER_LABELS[this.on.locale()];
    const own = ![...document.querySelectorAll(`[${OPENER}]`)].some((o) => this.opens(o));
    return html`${
      own
        ? html`<button
            type="button"
            class="opener ${this.host.mode}"
            part="open-button"
            aria-haspopup="dialog"
            @pointerover=${this.prefetch}
            @focus=${this.prefetch}
            @click=${(e: Event) => this.open(e.currentTarget as HTMLElement)}
          >
            ${this.host.buttonLabel || labels.open}
          </button>`
        : nothing
    }${this.dialog ? this.dialog.render(widget(), labels.close) : nothing}`;
  }
}
