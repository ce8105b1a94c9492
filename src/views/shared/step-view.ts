import { LitElement, type CSSResultGroup } from 'lit';
import { property } from '../../core/decorators.js';
import type { CoreMessages, Messages } from '../../i18n/messages.js';
import { FORWARDED_PARTS } from './forwarded-parts.js';
import { sharedStyles } from './shared-styles.js';
import { viewEvent, type ViewEventDetails, type ViewEventName } from './view-events.js';

/**
 * Base of every step view: the catalogue (`T`: the part of it the view reads; the whole by
 * default), the shared styles, the forwarded parts and `focusHeading()`. Subclasses render one
 * `<h2 part="heading" tabindex="-1">`.
 */
export abstract class StepView<T extends CoreMessages = Messages> extends LitElement {
  static override styles: CSSResultGroup = sharedStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('exportparts', FORWARDED_PARTS);
  }

  /** The message catalogue of the current locale (required). */
  @property({ attribute: false }) t!: T;

  /** Moves focus to the step's heading (the root calls this after a step change). */
  focusHeading(): void {
    const focus = () => this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    if (this.hasUpdated && !this.isUpdatePending) focus();
    else void this.updateComplete.then(focus);
  }

  /** Dispatches a bubbling, composed view event. */
  protected emit<K extends ViewEventName>(name: K, detail: ViewEventDetails[K]): void {
    this.dispatchEvent(viewEvent(name, detail));
  }
}
