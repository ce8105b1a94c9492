/** What the step renderers share: the context they render from, resources, and the choice view. */
import { html, type TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Booking } from '../booking/booking-model.js';
import type { Resource } from '../booking/resources.js';
import type { Locale } from '../i18n/locale.js';
import { errorMessage, type CoreMessages } from '../i18n/messages.js';
import '../views/steps/choice-step.js';

/** The practice's facts from the backend's configuration that a step shows. */
export interface PracticeFacts {
  privacyUrl?: string;
}

/** What a step renders from: the controller, the catalogue (the first step's part at least). */
export type Ctx = { b: Booking; t: CoreMessages; locale: Locale; practice: PracticeFacts };

export const errorText = (t: CoreMessages, e: ApiError) => errorMessage(t, e.code);
export const valueOf = <T>(r: Resource<T> | null | undefined) =>
  r?.status === 'ready' ? r.value : undefined;
export const errorOf = (t: CoreMessages, ...rs: Array<Resource<unknown> | null | undefined>) => {
  const failed = rs.find((r) => r?.status === 'error');
  return failed?.status === 'error' ? errorText(t, failed.error) : undefined;
};

/** A step whose code is still coming: the choice view, waiting (with Retry after a failure). */
export function waiting(t: CoreMessages, error?: string, onRetry?: () => void): TemplateResult {
  return html`<pb-choice-step
    part="step"
    .t=${t}
    .heading=${t.common.loading}
    .error=${error}
    @pb-retry=${() => onRetry?.()}
  ></pb-choice-step>`;
}
