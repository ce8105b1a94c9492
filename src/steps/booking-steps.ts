/**
 * The steps after the first (category, type, time, details, review, confirmation) as
 * `current-step.ts` maps the first, with their views and their part of the catalogue.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { AppointmentType, Location } from '../api/types.js';
import type { Booking } from '../booking/booking-model.js';
import { plainDateIn } from '../time/calendar.js';
import { deSteps } from '../i18n/de-steps.js';
import { enSteps } from '../i18n/en-steps.js';
import { trSteps } from '../i18n/tr-steps.js';
import { completeMessages } from '../i18n/complete.js';
import type { Locale } from '../i18n/locale.js';
import type { CoreMessages, Messages, StepMessages } from '../i18n/messages.js';
import type { ChoiceOption } from '../views/steps/choice-step.js';
import type { PatientInput } from '../views/shared/view-events.js';
import {
  choice,
  errorOf,
  errorText,
  mapResource,
  valueOf,
  type Ctx as FirstCtx,
} from './step-templates.js';
import '../views/steps/time-step.js';
import '../views/steps/details-step.js';
import '../views/steps/review-step.js';
import '../views/steps/confirmation-step.js';

/** The later steps' part of the catalogue, every language (a switch needs no further load). */
export const STEP_MESSAGES: Record<Locale, StepMessages> = {
  de: deSteps,
  en: enSteps,
  tr: trSteps,
};

type Ctx = Omit<FirstCtx, 't'> & { t: Messages };

/** The root's first part of the catalogue with the later steps' part. */
export const completeFor = (t: CoreMessages, locale: Locale): Messages =>
  completeMessages(t, STEP_MESSAGES[locale]);

export function renderLaterStep(first: FirstCtx): TemplateResult | typeof nothing {
  const ctx: Ctx = { ...first, t: completeFor(first.t, first.locale) };
  const s = ctx.b.state;
  switch (s.step) {
    case 'category':
      return category(ctx, s.insuranceId);
    case 'type':
      return type(ctx, s.categoryId, s.insuranceId);
    case 'time':
      return time(ctx);
    case 'details':
      return details(ctx);
    case 'review':
      return review(ctx);
    case 'confirmed':
      return confirmed(ctx);
    default:
      return nothing;
  }
}

function category({ b, t, locale }: Ctx, insuranceId: string) {
  const r = mapResource(b.data.categories(insuranceId), (list) =>
    list.map((c) => ({
      id: c.id,
      label: c.name,
      ...(c.description ? { description: c.description } : {}),
    })),
  );
  return choice({ b, t, locale }, t.category.heading, t.category.empty, r, (id) =>
    b.send({ type: 'SELECT_CATEGORY', id }),
  );
}

function typeOption(
  t: Messages,
  type: AppointmentType,
  locations: Location[] | undefined,
): ChoiceOption {
  // A duration of 0 means the portal did not say: show none rather than "0 min".
  const meta = type.durationMinutes > 0 ? [t.common.durationMinutes(type.durationMinutes)] : [];
  if (type.video) meta.push(t.common.video);
  const names = type.locationIds
    .map((id) => locations?.find((l) => l.id === id)?.name)
    .filter(Boolean);
  if (names.length > 1) meta.push(t.type.locations(names.length));
  else if (names[0]) meta.push(names[0]);
  return {
    id: type.id,
    label: type.name,
    meta,
    ...(type.description ? { description: type.description } : {}),
  };
}

function type({ b, t, locale }: Ctx, categoryId: string, insuranceId: string) {
  const locations = valueOf(b.data.locations());
  const r = mapResource(b.data.types(categoryId, insuranceId), (list) =>
    list.map((x) => typeOption(t, x, locations)),
  );
  return choice({ b, t, locale }, t.type.heading, t.type.empty, r, (id) =>
    b.send({ type: 'SELECT_TYPE', id }),
  );
}

function time({ b, t, locale }: Ctx) {
  const s = b.state;
  const times = b.times;
  if (s.step !== 'time' || !times) return nothing;
  const institution = b.data.institution();
  const slots = times.slots();
  const list = valueOf(slots);
  const first = list && list.length === 0 ? times.firstAfter() : null;
  const tz = valueOf(institution)?.timeZone ?? 'Europe/Berlin';
  const found = valueOf(first);
  const firstAvailable =
    first && found
      ? found.availability
        ? { date: plainDateIn(found.availability.startsAt, tz) }
        : null
      : undefined;
  const selection = { typeId: s.typeId, categoryId: s.categoryId, insuranceId: s.insuranceId };
  return html`<pb-time-step
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${tz}
    .visitorTimeZone=${Intl.DateTimeFormat().resolvedOptions().timeZone}
    .windowFrom=${times.from ?? ''}
    .windowTo=${times.to ?? ''}
    .today=${times.today ?? ''}
    .availabilities=${list}
    .locations=${valueOf(b.data.locations()) ?? []}
    .firstAvailable=${firstAvailable}
    .searching=${first?.status === 'loading'}
    .error=${errorOf(t, institution, slots, first)}
    @pb-select=${(e: CustomEvent<{ id: string }>) => {
      const slot = list?.find((a) => a.id === e.detail.id);
      if (slot) b.selectSlot(slot);
    }}
    @pb-range=${(e: CustomEvent<{ from: string }>) => times.moveTo(e.detail.from, selection)}
    @pb-find-first=${() => times.firstAfter()}
    @pb-retry=${() => b.retry()}
  ></pb-time-step>`;
}

function details({ b, t, practice }: Ctx) {
  const s = b.state;
  if (s.step !== 'details') return nothing;
  const type = b.data.type(s.typeId, s.categoryId, s.insuranceId);
  const value = valueOf(type);
  const insurance = valueOf(b.data.insurances())?.find((i) => i.id === s.insuranceId);
  return html`<pb-details-step
    part="step"
    .t=${t}
    .fields=${value?.requiredFields ?? []}
    .value=${b.draft}
    .errors=${b.fieldErrors}
    .asapAvailable=${(value?.asapEnabled ?? false) && b.notice?.code !== 'asap_not_enabled'}
    .asapOptIn=${b.asapOptIn}
    .insuranceName=${insurance?.name}
    .privacyUrl=${practice.privacyUrl}
    .note=${b.note}
    @pb-patient-input=${(e: CustomEvent<PatientInput>) =>
      b.setDraft(e.detail.value, e.detail.asapOptIn, e.detail.note)}
    @pb-patient-submit=${(e: CustomEvent<PatientInput>) => {
      b.setDraft(e.detail.value, e.detail.asapOptIn, e.detail.note);
      b.send({ type: 'SUBMIT_DETAILS', patient: e.detail.value, asapOptIn: e.detail.asapOptIn });
    }}
  ></pb-details-step>`;
}

/** The chosen slot and its type, location and insurance, for the review and confirmation. */
function chosen(b: Booking) {
  const s = b.state;
  if (s.step !== 'review' && s.step !== 'confirmed') return null;
  const typeValue = valueOf(b.data.type(s.typeId, s.categoryId, s.insuranceId));
  const slot = b.slot?.id === s.availabilityId ? b.slot : null;
  const startsAt = b.appointment?.startsAt ?? slot?.startsAt;
  const endsAt = b.appointment?.endsAt ?? slot?.endsAt;
  if (!typeValue || !startsAt || !endsAt) return null;
  const locationId = b.appointment?.location?.id ?? slot?.locationId ?? typeValue.locationIds[0];
  const location =
    b.appointment?.location ?? valueOf(b.data.locations())?.find((l) => l.id === locationId);
  const insurance = valueOf(b.data.insurances())?.find((i) => i.id === s.insuranceId);
  const institution = valueOf(b.data.institution());
  return {
    typeValue,
    startsAt,
    endsAt,
    location,
    insurance,
    institution,
    tz: institution?.timeZone ?? 'Europe/Berlin',
  };
}

/** A booking's failure; over the backend's booking budget, the call-the-practice sentence. */
const bookingErrorText = (t: Messages, error: ApiError) =>
  error.serverCode === 'booking_limited' ? t.review.bookingLimited : errorText(t, error);

function review({ b, t, locale }: Ctx) {
  const s = b.state;
  const c = chosen(b);
  if (s.step !== 'review' || !c) return nothing;
  return html`<pb-review-step
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${c.tz}
    .summary=${{
      typeName: c.typeValue.name,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      locationName: c.location?.name,
      address: c.location?.address,
      insuranceName: c.insurance?.name,
      video: c.typeValue.video,
      patient: s.patient,
    }}
    .submitting=${s.submission?.status === 'sending'}
    .error=${s.submission?.status === 'failed' && b.bookingError ? bookingErrorText(t, b.bookingError) : undefined}
    @pb-confirm=${() => b.confirm()}
    @pb-retry=${() => b.retry()}
    @pb-edit=${(e: CustomEvent<{ step: 'insurance' | 'category' | 'type' | 'time' | 'details' }>) =>
      b.send({ type: 'EDIT', step: e.detail.step })}
  ></pb-review-step>`;
}

function confirmed({ b, t, locale }: Ctx) {
  const s = b.state;
  const c = chosen(b);
  if (s.step !== 'confirmed' || !c) return nothing;
  return html`<pb-confirmation-step
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${c.tz}
    .summary=${{
      appointmentId: s.appointmentId,
      typeName: c.typeValue.name,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      locationName: c.location?.name,
      address: c.location?.address,
      institutionName: c.institution?.name,
      video: c.typeValue.video,
    }}
    @pb-restart=${() => b.send({ type: 'RESTART' })}
  ></pb-confirmation-step>`;
}
