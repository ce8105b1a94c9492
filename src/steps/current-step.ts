/**
 * Maps the controller's state and data to the current step's view (properties in, events out).
 * The root calls `renderStep`; views never see the controller or the API. The first screen is
 * here (its list of types comes with the steps' code); the others come with the steps' code
 * (`steps-code.ts`).
 */
import { html, type nothing, type TemplateResult } from 'lit';
import type { Booking } from '../booking/booking-model.js';
import type { Locale } from '../i18n/locale.js';
import type { CoreMessages } from '../i18n/messages.js';
import type { TypeState } from '../booking/steps.js';
import type { ChoiceFilter, ChoiceOption } from '../views/steps/choice-step.js';
import { errorOf, valueOf, waiting, type Ctx, type PracticeFacts } from './step-templates.js';
import { stepsCode } from './steps-code.js';

/** What every step view offers the root. */
export interface StepView extends HTMLElement {
  focusHeading?: () => void;
}

/**
 * The current step. While the later steps' code loads, a waiting choice view stands in
 * (`laterError`: it failed to load; the view's Retry calls `onRetryLater`).
 */
export function renderStep(
  b: Booking,
  t: CoreMessages,
  locale: Locale,
  practice: PracticeFacts,
  laterError?: string,
  onRetryLater?: () => void,
): TemplateResult | typeof nothing {
  if (!b.started) return waiting(t);
  const ctx = { b, t, locale, practice };
  if (b.state.step === 'type') return need(ctx, b.state, laterError, onRetryLater);
  const code = stepsCode();
  return code ? code.renderLaterStep(ctx) : waiting(t, laterError, onRetryLater);
}

/**
 * The first screen, "What do you need?": the insurance as radios (unless preselected or the
 * practice's only one), then the types of every category (the steps' code lists them).
 */
function need(ctx: Ctx, s: TypeState, laterError?: string, onRetryLater?: () => void) {
  const { b, t } = ctx;
  const insurances = b.data.insurances();
  const all = valueOf(insurances);
  const asked = !s.preset.insuranceId && all && all.length > 1;
  const code = stepsCode();
  const list = s.insuranceId && code ? code.typeList(ctx, s, s.insuranceId) : undefined;
  const failed = s.insuranceId && !code && laterError;
  let options: ChoiceOption[] | undefined | null = list?.options;
  if (!s.insuranceId) options = all?.length === 0 ? [] : all ? null : undefined;
  const filters: ChoiceFilter[] = asked
    ? [
        {
          name: 'insurance',
          legend: t.insurance.heading,
          options: all.map((i) => ({ id: i.id, label: i.name })),
          selectedId: s.insuranceId,
        },
      ]
    : [];
  return html`<pb-choice-step
    part="step"
    .t=${t}
    .heading=${t.insurance.need}
    .filters=${[...filters, ...(list?.filters ?? [])]}
    .hint=${list?.hint || t.insurance.hint}
    .emptyText=${list?.emptyText ?? t.insurance.empty}
    .options=${options}
    .selectedId=${s.typeId}
    .error=${failed || errorOf(t, insurances) || list?.error}
    @pb-narrow=${(e: CustomEvent<{ name: string; id: string }>) =>
      b.send({
        type: e.detail.name === 'insurance' ? 'SELECT_INSURANCE' : 'SELECT_CATEGORY',
        id: e.detail.id,
      })}
    @pb-select=${(e: CustomEvent<{ id: string }>) => list?.pick(e.detail.id)}
    @pb-retry=${() => (failed ? onRetryLater?.() : b.retry())}
  ></pb-choice-step>`;
}
