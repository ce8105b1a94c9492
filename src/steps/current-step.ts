/**
 * Maps the controller's state and data to the current step's view (properties in, events out).
 * The root calls `renderStep`; views never see the controller or the API. The first step (the
 * insurance) is here; the others come with the steps' code (`steps-code.ts`).
 */
import type { nothing, TemplateResult } from 'lit';
import type { Booking } from '../booking/booking-model.js';
import type { Locale } from '../i18n/locale.js';
import type { CoreMessages } from '../i18n/messages.js';
import { choice, mapResource, waiting, type Ctx, type PracticeFacts } from './step-templates.js';
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
  if (b.state.step === 'insurance') return insurance(ctx);
  const code = stepsCode();
  return code ? code.renderLaterStep(ctx) : waiting(t, laterError, onRetryLater);
}

function insurance({ b, t, locale }: Ctx) {
  const r = mapResource(b.data.insurances(), (list) =>
    list.map((i) => ({ id: i.id, label: i.name, group: t.insurance.kinds[i.kind] })),
  );
  // Signed in: the insurance of the patient's earlier appointments is shown chosen.
  return choice(
    { b, t, locale },
    t.insurance.heading,
    t.insurance.empty,
    r,
    (id) => b.send({ type: 'SELECT_INSURANCE', id }),
    b.patientInsuranceId ?? undefined,
  );
}
