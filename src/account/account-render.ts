/**
 * Maps the account controller's state and data to the account views (properties in, events
 * out), like `step-render.ts` does for the booking flow. Views never see the controller.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Availability } from '../api/types.js';
import { plainDateIn } from '../time/calendar.js';
import type { Resource } from '../booking/resources.js';
import { createFormat } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { shownAppointments } from './appointments-shown.js';
import { accountBar } from './bar.js';
import type { AccountController } from './controller.js';
import type { Notice } from './detail-actions.js';
import { SESSION_EXPIRED, showsAppointments, type Filter } from './machine.js';
import { displayName } from './prefill.js';

type Ctx = { a: AccountController; t: Messages; locale: Locale; tz: string };

const errorText = (t: Messages, e: ApiError | null | undefined) =>
  e ? (t.errors[e.code] ?? t.errors.unknown) : undefined;
const valueOf = <T>(r: Resource<T> | null | undefined) =>
  r?.status === 'ready' ? r.value : undefined;

/** The sign-in problem the account bar shows. */
export function loginErrorText(t: Messages, code: string | null): string | undefined {
  if (!code) return undefined;
  const known: Record<string, string> = {
    [SESSION_EXPIRED]: t.login.sessionExpired,
    popup_blocked: t.login.popupBlocked,
    popup_closed: t.login.popupClosed,
    login_denied: t.login.denied,
  };
  return known[code] ?? t.errors[code as ApiError['code']] ?? t.errors.unknown;
}

/** The clinic's time zone (the catalogue's institution). */
export function timeZoneOf(a: AccountController): string {
  return valueOf(a.options.catalogue.institution())?.timeZone ?? 'Europe/Berlin';
}

export function renderAccountBar(a: AccountController, t: Messages): TemplateResult {
  const s = a.state;
  return accountBar(t, {
    status:
      s.screen === 'signedOut'
        ? 'signed-out'
        : s.screen === 'signingIn'
          ? 'signing-in'
          : 'signed-in',
    name: displayName(a.profile),
    view: showsAppointments(s) ? 'appointments' : 'booking',
    error: s.screen === 'signedOut' ? loginErrorText(t, s.error) : undefined,
    onLogin: () => a.send({ type: 'LOGIN' }),
    onLogout: () => a.send({ type: 'LOGOUT' }),
    onShow: (view) => a.send({ type: 'SHOW', view }),
  });
}

/** The heading of an account screen, for the step announcement. */
export function screenName(t: Messages, a: AccountController): string {
  const s = a.state;
  if (s.screen === 'rescheduleTime') return t.account.newTimeHeading;
  if (s.screen === 'rescheduleConfirm') return t.account.moveHeading;
  if (s.screen === 'detail' && a.detail) return a.detail.type.name;
  return t.account.appointments;
}

/** A notice above the account screen: the time picked before was taken meanwhile. */
export function renderAccountNotice(a: AccountController, t: Messages) {
  const e = a.actions.error;
  if (a.state.screen !== 'rescheduleTime' || !e) return nothing;
  return html`<div class="notice" part="notice" role="alert">${errorText(t, e)}</div>`;
}

export function renderAccount(a: AccountController, t: Messages, locale: Locale) {
  const ctx: Ctx = { a, t, locale, tz: timeZoneOf(a) };
  switch (a.state.screen) {
    case 'list':
      return list(ctx, a.state.filter);
    case 'detail':
      return detail(ctx);
    case 'rescheduleTime':
      return times(ctx);
    case 'rescheduleConfirm':
      return confirm(ctx);
    default:
      return nothing;
  }
}

function list({ a, t, locale, tz }: Ctx, filter: Filter) {
  const l = a.lists.get(filter);
  const upcoming = a.lists.get('upcoming').items;
  const shown = shownAppointments(a.lists.overview, filter, l.items, upcoming);
  return html`<pb-appointments-step
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${tz}
    .overview=${shown.overview}
    .appointments=${shown.items}
    .filter=${filter}
    .hasMore=${l.hasMore}
    .loadingMore=${l.loadingMore}
    .error=${errorText(t, l.error)}
    @pb-filter=${(e: CustomEvent<{ filter: Filter }>) =>
      a.send({ type: 'FILTER', filter: e.detail.filter })}
    @pb-more=${() => a.send({ type: 'MORE' })}
    @pb-open=${(e: CustomEvent<{ id: string }>) => a.send({ type: 'OPEN', id: e.detail.id })}
    @pb-retry=${() => a.send({ type: 'RETRY' })}
    @pb-show=${() => a.send({ type: 'SHOW', view: 'booking' })}
  ></pb-appointments-step>`;
}

function noticeText(t: Messages, locale: Locale, tz: string, n: Notice | null) {
  if (!n) return undefined;
  if (n.kind === 'moved') {
    const f = createFormat(locale, tz);
    return t.account.moved(`${f.date(n.startsAt)}, ${f.time(n.startsAt)}`);
  }
  return t.account[n.kind];
}

function detail({ a, t, locale, tz }: Ctx) {
  const s = a.state;
  const appointment = a.detail;
  if (s.screen !== 'detail') return nothing;
  if (!appointment) {
    return a.detailError
      ? html`<pb-status
          .t=${t}
          kind="error"
          .message=${errorText(t, a.detailError)}
          @pb-retry=${() => a.send({ type: 'RETRY' })}
        ></pb-status>`
      : html`<pb-status .t=${t} kind="loading"></pb-status>`;
  }
  const catalogue = a.options.catalogue;
  const typeId = appointment.type.id;
  const type = valueOf(catalogue.type(typeId, appointment.insuranceId ?? ''));
  const location = valueOf(catalogue.locations())?.find((l) => l.id === appointment.location?.id);
  const key = () => a.actions.newKey();
  return html`<pb-appointment-detail
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${tz}
    .appointment=${appointment}
    .location=${location}
    .busy=${s.busy}
    .error=${errorText(t, a.actions.error)}
    .notice=${noticeText(t, locale, tz, a.actions.notice)}
    .asapOffer=${a.actions.offer}
    .asapEnabled=${(type?.asapEnabled ?? false) || appointment.asapSubscription !== null}
    .asapEmail=${appointment.asapSubscription?.email ?? a.profile?.email}
    .institutionName=${valueOf(catalogue.institution())?.name}
    .moved=${a.actions.notice?.kind === 'moved'}
    @pb-book-again=${() => a.bookAgain()}
    @pb-back=${() => a.send({ type: 'BACK' })}
    @pb-retry=${() => a.send({ type: 'RETRY' })}
    @pb-reschedule=${() => a.send({ type: 'RESCHEDULE' })}
    @pb-cancel=${() => a.send({ type: 'CANCEL', idempotencyKey: key() })}
    @pb-asap-subscribe=${(e: CustomEvent<{ email: string }>) =>
      a.send({ type: 'ASAP_SUBSCRIBE', email: e.detail.email })}
    @pb-asap-unsubscribe=${() => a.send({ type: 'ASAP_UNSUBSCRIBE' })}
    @pb-asap-check=${() => a.send({ type: 'ASAP_CHECK' })}
    @pb-asap-take=${(e: CustomEvent<{ availabilityId: string }>) =>
      a.send({ type: 'ASAP_TAKE', availabilityId: e.detail.availabilityId, idempotencyKey: key() })}
    @pb-video=${() => a.send({ type: 'VIDEO' })}
  ></pb-appointment-detail>`;
}

function times({ a, t, locale, tz }: Ctx) {
  const slots = a.times.slots();
  const list = valueOf(slots);
  const first = list && list.length === 0 ? a.times.firstAfter() : null;
  const found = valueOf(first);
  const firstAvailable =
    first && found
      ? found.availability
        ? { date: plainDateIn(found.availability.startsAt, tz) }
        : null
      : undefined;
  const institution = a.options.catalogue.institution();
  const failed = [institution, slots, first].find((r) => r?.status === 'error');
  return html`<pb-time-step
    part="step"
    .t=${t}
    .heading=${t.account.newTimeHeading}
    .locale=${locale}
    .timeZone=${tz}
    .visitorTimeZone=${Intl.DateTimeFormat().resolvedOptions().timeZone}
    .windowFrom=${a.times.from ?? ''}
    .windowTo=${a.times.to ?? ''}
    .today=${a.today ?? ''}
    .availabilities=${list}
    .locations=${valueOf(a.options.catalogue.locations()) ?? []}
    .firstAvailable=${firstAvailable}
    .searching=${first?.status === 'loading'}
    .error=${failed?.status === 'error' ? errorText(t, failed.error) : undefined}
    @pb-select=${(e: CustomEvent<{ id: string }>) => a.pickTime(e.detail.id)}
    @pb-range=${(e: CustomEvent<{ from: string }>) => a.moveTimes(e.detail.from)}
    @pb-find-first=${() => a.findFirstTime()}
    @pb-retry=${() => a.send({ type: 'RETRY' })}
  ></pb-time-step>`;
}

function confirm({ a, t, locale, tz }: Ctx) {
  const s = a.state;
  const chosen: Availability | null = a.chosen;
  if (s.screen !== 'rescheduleConfirm' || !a.detail || !chosen) return nothing;
  return html`<pb-reschedule-confirm
    part="step"
    .t=${t}
    .locale=${locale}
    .timeZone=${tz}
    .appointment=${a.detail}
    .availability=${chosen}
    .submitting=${s.submission?.status === 'sending'}
    .error=${s.submission?.status === 'failed' ? errorText(t, a.actions.error) : undefined}
    @pb-confirm=${() => a.send({ type: 'CONFIRM', idempotencyKey: a.actions.newKey() })}
    @pb-back=${() => a.send({ type: 'BACK' })}
  ></pb-reschedule-confirm>`;
}
