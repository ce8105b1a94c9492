/**
 * Maps the controller's state and data to the current step's view (properties in, events out).
 * The root calls `renderStep`; views never see the controller or the API.
 *
 * The first step (the insurance) is here, in the main bundle. The others and the views they need
 * beyond the choice view are `step-render-later.ts`, in the steps' chunk (with the booking
 * flow's code), which the root fetches ahead of need (`LaterSteps`).
 */
import { html, type nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiError } from './api/errors.js';
import type { BookingController } from './booking/controller.js';
import { publicError } from './booking/public-error.js';
import { toApiError, type Resource } from './booking/resources.js';
import type { Step } from './booking/steps.js';
import { emit } from './events.js';
import type { Locale } from './i18n/locale.js';
import { errorMessage, type CoreMessages } from './i18n/messages.js';
import type * as LaterCode from './step-render-later.js';
import type { ChoiceOption } from './views/choice-step.js';

/** What every step view offers the root. */
export interface StepView extends HTMLElement {
  focusHeading?: () => void;
}

/** The first step reads only the first part of the catalogue. */
export type Ctx = { b: BookingController; t: CoreMessages; locale: Locale };

type LaterModule = typeof LaterCode;
let later: LaterModule | null = null;
let loadingLater: Promise<LaterModule> | null = null;

/** The steps `step-render-later.ts` renders: all but the first. */
const isLaterStep = (step: Step): boolean => step !== 'insurance';

/** Loads the later steps' code (once; again after a failure). */
function loadLaterSteps(): Promise<LaterModule> {
  loadingLater ??= import('./step-render-later.js').then(
    (m) => (later = m),
    (error: unknown) => {
      loadingLater = null;
      throw error;
    },
  );
  return loadingLater;
}

/** How long after the first step shows its choices the next steps' code is fetched, at the latest. */
const PREFETCH_DELAY_MS = 2000;

/**
 * Fetches the steps after the first for one root, ahead of need: the booking flow's code and the
 * later steps' views (one chunk). The root renders again when they are there.
 */
export class LaterSteps {
  /** The fetch failed while such a step was current: its stand-in shows this with Retry. */
  failed: ApiError | null = null;
  private requested = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly booking: () => BookingController | null,
  ) {}

  /** Starts the fetch (once; again after a failure). */
  prefetch = (): void => {
    if (this.requested) return;
    this.requested = true;
    if (this.failed) this.host.requestUpdate();
    this.failed = null;
    void this.booking()?.loadFlow();
    loadLaterSteps().then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        this.requested = false;
        const s = this.booking()?.state;
        if (!s || !isLaterStep(s.step)) return; // not needed yet: fetched again when it is
        this.failed = toApiError(error);
        emit(this.host, 'booking-error', publicError(this.failed));
        this.host.requestUpdate();
      },
    );
  };

  /**
   * While the patient reads the first step's choices: once the page has been idle a moment, so the choice
   * finds the next step's code there even without a pointer (touch, keyboard, a slow network).
   */
  prefetchSoon(): void {
    const idle = (run: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : run();
    setTimeout(() => idle(this.prefetch), PREFETCH_DELAY_MS);
  }

  /** The first pointer or focus in the step: the patient is about to choose. */
  onIntent = (e: Event): void => {
    if ((e.target as Element | null)?.closest?.('[part~="step"]')) this.prefetch();
  };

  /** Resolves once `step`'s view can render (its code is there, or failed to come). */
  async ready(step: Step): Promise<void> {
    if (!isLaterStep(step) || later) return;
    this.prefetch();
    await loadLaterSteps().catch(() => {});
    this.host.requestUpdate();
    await this.host.updateComplete;
  }
}

/** The catalogue with the later steps' part once it is there (their errors among others). */
export const withLaterMessages = (t: CoreMessages, locale: Locale): CoreMessages =>
  later ? later.completeFor(t, locale) : t;

export const errorText = (t: CoreMessages, e: ApiError) => errorMessage(t, e.code);
export const valueOf = <T>(r: Resource<T> | null | undefined) =>
  r?.status === 'ready' ? r.value : undefined;
export const errorOf = (t: CoreMessages, ...rs: Array<Resource<unknown> | null | undefined>) => {
  const failed = rs.find((r) => r?.status === 'error');
  return failed?.status === 'error' ? errorText(t, failed.error) : undefined;
};

/**
 * The current step. While the later steps' code loads, a waiting choice view stands in
 * (`laterError`: it failed to load; the view's Retry calls `onRetryLater`).
 */
export function renderStep(
  b: BookingController,
  t: CoreMessages,
  locale: Locale,
  laterError?: string,
  onRetryLater?: () => void,
): TemplateResult | typeof nothing {
  if (!b.started) return waiting(t);
  const ctx = { b, t, locale };
  switch (b.state.step) {
    case 'insurance':
      return insurance(ctx);
    default:
      return later ? later.renderLaterStep(ctx) : waiting(t, laterError, onRetryLater);
  }
}

function waiting(t: CoreMessages, error?: string, onRetry?: () => void): TemplateResult {
  return html`<pb-choice-step
    part="step"
    .t=${t}
    .heading=${t.common.loading}
    .error=${error}
    @pb-retry=${() => onRetry?.()}
  ></pb-choice-step>`;
}

export function choice(
  ctx: Ctx,
  heading: string,
  emptyText: string,
  r: Resource<ChoiceOption[]>,
  pick: (id: string) => void,
) {
  return html`<pb-choice-step
    part="step"
    .t=${ctx.t}
    .heading=${heading}
    .emptyText=${emptyText}
    .options=${valueOf(r)}
    .error=${errorOf(ctx.t, r)}
    @pb-select=${(e: CustomEvent<{ id: string }>) => pick(e.detail.id)}
    @pb-retry=${() => ctx.b.retry()}
  ></pb-choice-step>`;
}

export function mapResource<T, U>(r: Resource<T>, f: (v: T) => U): Resource<U> {
  return r.status === 'ready' ? { status: 'ready', value: f(r.value) } : r;
}

function insurance({ b, t, locale }: Ctx) {
  const r = mapResource(b.data.insurances(), (list) =>
    list.map((i) => ({ id: i.id, label: i.name, group: t.insurance.kinds[i.kind] })),
  );
  return choice({ b, t, locale }, t.insurance.heading, t.insurance.empty, r, (id) =>
    b.send({ type: 'SELECT_INSURANCE', id }),
  );
}
