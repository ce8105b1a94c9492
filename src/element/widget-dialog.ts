/**
 * The popup and floating modes' dialog (a chunk of its own: `lazy/dialog.ts`): a native modal
 * `<dialog>` around the widget, so the focus stays inside and Escape closes it as the browser
 * does it. A visible close button; the widget's own heading names the dialog. The page behind
 * keeps its scroll position and its layout (`page-scroll.ts`); the focus goes back to the opener.
 */
import { adoptStyles, html, type LitElement, type ReactiveElement } from 'lit';
import { CLOSE_LABELS } from '../contract/dialog-labels.js';
import type { Locale } from '../contract/locales.js';
import { dialogStyles } from './dialog-styles.js';
import { lockPageScroll } from './page-scroll.js';

export class WidgetDialog {
  private opener: HTMLElement | null = null;
  private unlock: (() => void) | null = null;

  constructor(private readonly host: ReactiveElement) {
    const root = host.renderRoot;
    const styles = (host.constructor as typeof LitElement).elementStyles;
    if (root instanceof ShadowRoot) adoptStyles(root, [...styles, dialogStyles]);
  }

  private get element(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Renders the dialog (the first time), then opens it; `opener` gets the focus back. */
  async open(opener: HTMLElement): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.element;
    if (!dialog || dialog.open) return;
    this.opener = opener;
    this.unlock = lockPageScroll();
    dialog.showModal();
    // Every engine moves the focus in; where one leaves it on the dialog, the close button.
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot) || !dialog.contains(root.activeElement)) {
      dialog.querySelector<HTMLElement>('.close')?.focus();
    }
  }

  readonly close = (): void => this.element?.close();

  /** The element left the page: nothing stays locked. */
  dispose(): void {
    this.unlock?.();
    this.unlock = null;
  }

  private readonly closed = (): void => {
    this.dispose();
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus({ preventScroll: true });
  };

  render(widget: unknown, locale: Locale): unknown {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.closed}>
      <div class="dialog-bar">
        <button type="button" class="close" part="close-button" @click=${this.close}>
          ${CLOSE_LABELS[locale]}<span aria-hidden="true"> ×</span>
        </button>
      </div>
      ${widget}
    </dialog>`;
  }
}
