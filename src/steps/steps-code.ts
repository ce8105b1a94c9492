/**
 * The code of the steps after the first (`lazy/load-steps.ts`) for one root: fetched
 * ahead of need, so the patient's choice finds it there; the root renders again when it arrives.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Booking } from '../booking/booking-model.js';
import { publicError } from '../booking/public-error.js';
import { toApiError } from '../booking/resources.js';
import type { BookingState, Step } from '../booking/steps.js';
import { emit } from '../contract/events.js';
import type { Locale } from '../i18n/locale.js';
import type { CoreMessages } from '../i18n/messages.js';
import { loadSteps } from '../lazy/load-steps.js';
import { type StepsChunk } from '../lazy/load-steps.js';

let code: StepsChunk | null = null;

/** The steps' code once it is here (null: not yet). */
export const stepsCode = (): StepsChunk | null => code;

/** What this code renders: the steps after the first, and the first one's list of types. */
export const needsCode = (s: BookingState): boolean => s.step !== 'type' || !!s.insuranceId;

const loadCode = () => loadSteps().then((chunk) => (code = chunk));

/** How long after the first step shows its choices the next steps' code is fetched, at the latest. */
const PREFETCH_DELAY_MS = 2000;

export class StepsCode {
  /** The fetch failed while such a step was current: its stand-in shows this with Retry. */
  failed: ApiError | null = null;
  private requested = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly booking: () => Booking | null,
  ) {}

  /** Starts the fetch (once; again after a failure). */
  prefetch = (): void => {
    if (this.requested) return;
    this.requested = true;
    if (this.failed) this.host.requestUpdate();
    this.failed = null;
    void this.booking()?.loadFlow();
    loadCode().then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        this.requested = false;
        const s = this.booking()?.state;
        if (!s || !needsCode(s)) return; // not needed yet: fetched again when it is
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
    if (step === 'type' || code) return;
    this.prefetch();
    await loadCode().catch(() => {});
    this.host.requestUpdate();
    await this.host.updateComplete;
  }
}

/** The catalogue with the later steps' part once it is there (their errors among others). */
export const withStepMessages = (t: CoreMessages, locale: Locale): CoreMessages =>
  code ? code.completeFor(t, locale) : t;
