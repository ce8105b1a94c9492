/**
 * The steps after the first (time, details, confirmation) and the first screen's list of types,
 * as `current-step.ts` maps the first screen, with their views and their part of the catalogue.
 * The summary of the choices stands above the time and the details.
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
import type { ChoiceFilter, ChoiceOption } from '../views/steps/choice-step.js';
import type { ChoiceSummary } from '../views/steps/choice-summary.js';
import type { EditStep, PatientInput } from '../views/shared/view-events.js';
import { isSkipped, type TypeState } from '../booking/steps.js';
import { errorOf, errorText, valueOf, type Ctx as FirstCtx } from './step-templates.js';
import '../views/steps/time-step.js';
import '../views/steps/details-step.js';
import '../views/steps/choice-summary.js';
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
  switch (ctx.b.state.step) {
    case 'time':
      return html`${choiceSummary(ctx)}${time(ctx)}`;
    case 'details':
      return html`${choiceSummary(ctx)}${details(ctx)}`;
    case 'confirmed':
      return confirmed(ctx);
    default:
      return nothing;
  }
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

/** Above this many types for one insurance, a category filter comes before the list. */
export const MANY_TYPES = 12;

/** The first screen's list for a chosen insurance (`current-step.ts` renders the screen). */
export interface TypeList {
  /** undefined: loading; null: waiting for the category filter. */
  options: ChoiceOption[] | undefined | null;
  filters: ChoiceFilter[];
  hint: string;
  emptyText: string;
  error: string | undefined;
  pick: (typeId: string) => void;
}

/**
 * Every type the insurance offers, under its category's heading (in the portal's order of
 * categories); one category's types, or the one type, where the host preselected it; a category
 * filter first where the insurance has more than `MANY_TYPES`.
 */
export function typeList(first: FirstCtx, s: TypeState, insuranceId: string): TypeList {
  const { b, locale } = first;
  const t = completeFor(first.t, locale);
  const typesR = b.data.types(insuranceId);
  const categoriesR = b.data.categories(insuranceId);
  const all = valueOf(typesR);
  const categories = valueOf(categoriesR);
  const pick = (typeId: string) => {
    const categoryId = all?.find((x) => x.id === typeId)?.categoryId;
    if (categoryId) b.send({ type: 'SELECT_TYPE', id: typeId, categoryId });
  };
  const base = { filters: [], hint: '', emptyText: t.type.empty, pick };
  if (!all || !categories)
    return { ...base, options: undefined, error: errorOf(t, typesR, categoriesR) };
  const rank = (id: string) => {
    const i = categories.findIndex((c) => c.id === id);
    return i < 0 ? categories.length : i;
  };
  const preset = s.preset.categoryId;
  // A preselected type (the insurance still asked) is the list's only entry.
  let list = all
    .filter(
      (x) => (!preset || x.categoryId === preset) && (!s.preset.typeId || x.id === s.preset.typeId),
    )
    .sort((x, y) => rank(x.categoryId) - rank(y.categoryId));
  const locations = valueOf(b.data.locations());
  const many = !preset && list.length > MANY_TYPES;
  const filters: ChoiceFilter[] = [];
  if (many) {
    const offered = categories.filter((c) => list.some((x) => x.categoryId === c.id));
    const chosen = offered.some((c) => c.id === s.categoryId) ? s.categoryId : undefined;
    filters.push({
      name: 'category',
      legend: t.category.heading,
      options: offered.map((c) => ({ id: c.id, label: c.name })),
      selectedId: chosen,
    });
    if (!chosen)
      return { ...base, filters, hint: t.category.hint, options: null, error: undefined };
    list = list.filter((x) => x.categoryId === chosen);
  }
  const grouped = !many && !preset;
  const options = list.map((x) => {
    const group = grouped ? categories.find((c) => c.id === x.categoryId)?.name : undefined;
    return { ...typeOption(t, x, locations), ...(group ? { group } : {}) };
  });
  return { ...base, filters, options, error: undefined };
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
    .selectedId=${s.availabilityId}
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

/** The time and place of the chosen slot, where it is known. */
function placeOf(b: Booking, locationId: string | undefined) {
  return valueOf(b.data.locations())?.find((l) => l.id === locationId);
}

/** The choices so far above the time and details steps, each changeable. */
function choiceSummary({ b, t, locale }: Ctx) {
  const s = b.state;
  if (s.step !== 'time' && s.step !== 'details') return nothing;
  const typeValue = valueOf(b.data.type(s.typeId, s.insuranceId));
  if (!typeValue) return nothing;
  const insurances = valueOf(b.data.insurances());
  const asked = !s.preset.insuranceId && (insurances?.length ?? 0) > 1;
  const slot = s.step === 'details' && b.slot?.id === s.availabilityId ? b.slot : null;
  const onlyPlace = typeValue.locationIds.length === 1 ? typeValue.locationIds[0] : undefined;
  const location = placeOf(b, slot ? slot.locationId : onlyPlace);
  const summary: ChoiceSummary = {
    typeName: typeValue.name,
    video: typeValue.video,
    insuranceName: asked ? insurances?.find((i) => i.id === s.insuranceId)?.name : undefined,
    startsAt: slot?.startsAt,
    endsAt: slot?.endsAt,
    locationName: location?.name,
    address: location?.address,
  };
  return html`<pb-choice-summary
    .t=${t}
    .locale=${locale}
    .timeZone=${valueOf(b.data.institution())?.timeZone ?? 'Europe/Berlin'}
    .summary=${summary}
    .typeChangeable=${!isSkipped('type', s.preset)}
    .locked=${s.step === 'details' && s.submission?.status === 'sending'}
    @pb-edit=${(e: CustomEvent<{ step: EditStep }>) => b.send({ type: 'EDIT', step: e.detail.step })}
  ></pb-choice-summary>`;
}

/** A booking's failure; over the backend's booking budget, the call-the-practice sentence. */
const bookingErrorText = (t: Messages, error: ApiError) =>
  error.serverCode === 'booking_limited' ? t.booking.bookingLimited : errorText(t, error);

/** The details form with the booking button: sending, failed (Retry with the same key), rejected. */
function details({ b, t, practice }: Ctx) {
  const s = b.state;
  if (s.step !== 'details') return nothing;
  const value = valueOf(b.data.type(s.typeId, s.insuranceId));
  const status = s.submission?.status;
  const insurance = valueOf(b.data.insurances())?.find((i) => i.id === s.insuranceId);
  return html`<pb-details-step
    part="step"
    .t=${t}
    .fields=${value?.requiredFields ?? []}
    .value=${b.draft}
    .errors=${b.fieldErrors}
    .asapAvailable=${(value?.asapEnabled ?? false) && b.notice?.code !== 'asap_not_enabled'}
    .asapOptIn=${b.asapOptIn}
    .submitLabel=${t.booking.confirm}
    .busyLabel=${t.booking.submitting}
    .bindingNote=${t.booking.binding}
    .submitting=${status === 'sending'}
    .error=${status === 'failed' && b.bookingError ? bookingErrorText(t, b.bookingError) : undefined}
    .insuranceName=${insurance?.name}
    .privacyUrl=${practice.privacyUrl}
    .note=${b.note}
    @pb-patient-input=${(e: CustomEvent<PatientInput>) =>
      b.setDraft(e.detail.value, e.detail.asapOptIn, e.detail.note)}
    @pb-patient-submit=${(e: CustomEvent<PatientInput>) => {
      b.setDraft(e.detail.value, e.detail.asapOptIn, e.detail.note);
      b.submit(e.detail.value, e.detail.asapOptIn);
    }}
    @pb-retry=${() => b.retry()}
  ></pb-details-step>`;
}

/** The booked slot and its type and location, for the confirmation. */
function chosen(b: Booking) {
  const s = b.state;
  if (s.step !== 'confirmed') return null;
  const typeValue = valueOf(b.data.type(s.typeId, s.insuranceId));
  const slot = b.slot?.id === s.availabilityId ? b.slot : null;
  const startsAt = b.appointment?.startsAt ?? slot?.startsAt;
  const endsAt = b.appointment?.endsAt ?? slot?.endsAt;
  if (!typeValue || !startsAt || !endsAt) return null;
  const locationId = b.appointment?.location?.id ?? slot?.locationId ?? typeValue.locationIds[0];
  const location =
    b.appointment?.location ?? valueOf(b.data.locations())?.find((l) => l.id === locationId);
  const institution = valueOf(b.data.institution());
  return {
    typeValue,
    startsAt,
    endsAt,
    location,
    institution,
    tz: institution?.timeZone ?? 'Europe/Berlin',
  };
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
