import { LitElement, type CSSResultGroup } from 'lit';
import { property } from '../../core/decorators.js';
import type { Messages } from '../../i18n/messages.js';
import { sharedStyles } from './shared-styles.js';
import { viewEvent, type ViewEventDetails, type ViewEventName } from './view-events.js';

/**
 * The parts of the views that a host page may style: each view forwards them (`exportparts`)
 * through the root's shadow root, so `patient-booking::part(option)` reaches every choice button.
 * The root documents them (`@csspart`); the views' other parts stay inside.
 */
export const FORWARDED_PARTS =
  'heading, option, day, time, field, field-error, error, submit, confirm, summary, bar, sign-in, sign-out';

/**
 * Base of every step view: the catalogue, the shared styles, the forwarded parts and
 * `focusHeading()`. Subclasses render one `<h2 part="heading" tabindex="-1">`.
 */
export abstract class StepView extends LitElement {
  static override styles: CSSResultGroup = sharedStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('exportparts', FORWARDED_PARTS);
  }

  /** The message catalogue of the current locale (required). */
  @property({ attribute: false }) t!: Messages;

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
