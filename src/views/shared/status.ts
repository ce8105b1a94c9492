import { css, html, nothing } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import { errorAlert } from './parts.js';
import { StepView } from './step-view.js';

/**
 * @summary A loading indicator or an error with Retry, for the root's own waits (e.g. before
 * the first step has data). Not a step: it has no heading.
 *
 * @fires pb-retry - the Retry button (kind `error`)
 *
 * @csspart error - the error box
 */
@customElementOnce('pb-status')
export class PbStatus extends StepView {
  static override styles = [
    StepView.styles,
    css`
      .loading {
        display: flex;
        align-items: center;
        gap: 0.75em;
        padding: 1em 0;
        color: var(--_muted);
      }
      .spinner {
        width: 1.5em;
        height: 1.5em;
        border: 3px solid var(--_border);
        border-top-color: var(--_accent);
        border-radius: 50%;
      }
      @media (prefers-reduced-motion: no-preference) {
        .spinner {
          animation: pb-spin 0.9s linear infinite;
        }
      }
      @keyframes pb-spin {
        to {
          transform: rotate(360deg);
        }
      }
    `,
  ];

  /** What to show. */
  @property() kind: 'loading' | 'error' = 'loading';

  /** The error message (kind `error`); loading shows `t.common.loading` unless given. */
  @property() message?: string;

  /** Show a Retry button with the error. */
  @property({ type: Boolean }) retry = true;

  private onRetry = (): void => this.emit('pb-retry', {});

  override render() {
    if (!this.t) return nothing;
    if (this.kind === 'error') {
      return errorAlert(
        this.t,
        this.message || this.t.errors.unknown,
        this.retry ? this.onRetry : undefined,
      );
    }
    return html`<div class="loading" role="status">
      <span class="spinner" part="spinner" aria-hidden="true"></span>
      <span>${this.message || this.t.common.loading}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-status': PbStatus;
  }
}
