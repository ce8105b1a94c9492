/**
 * The actions on one appointment, run for the account controller: cancel, reschedule (from the
 * time step or to the ASAP offer), the ASAP list, the video consultation. Each answers the machine
 * with an event; the results (errors, notices, the offer) are kept here for the views.
 */
import { ERROR_CODES, type ApiError } from '../api/errors.js';
import { newIdempotencyKey, type PatientPortal } from '../api/portal.js';
import type { Appointment, Availability, UserProfile } from '../api/types.js';
import type { PatientBookingEventMap } from '../contract/events.js';
import type { AccountEvent, Effect } from './machine.js';
import { profileToPatient } from './prefill.js';

/** What the detail says after an action succeeded. */
export type Notice =
  | { kind: 'cancelled' }
  | { kind: 'moved'; startsAt: Date }
  | { kind: 'subscribed' }
  | { kind: 'unsubscribed' };

type EventDetail<K extends keyof PatientBookingEventMap> =
  PatientBookingEventMap[K] extends CustomEvent<infer D> ? D : never;

export interface ActionHooks {
  send: (event: AccountEvent) => void;
  /** Reports a failure (and ends a session the portal refuses); null for an abort. */
  failed: (error: unknown) => ApiError | null;
  emit: <K extends 'booking-rescheduled' | 'booking-cancelled'>(
    name: K,
    detail: EventDetail<K>,
  ) => void;
  /** The open appointment changed (the lists load again when next shown). */
  setDetail: (appointment: Appointment) => void;
}

interface Subject {
  readonly detail: Appointment | null;
  readonly profile: UserProfile | null;
}

/** An empty window, opened in the click; it is pointed at the video link when that arrives. */
function blankWindow(): Window | null {
  const w = window.open('', '_blank');
  if (w) w.opener = null; // the video service must not reach back into the clinic's page
  return w;
}

export class DetailActions {
  error: ApiError | null = null;
  notice: Notice | null = null;
  /** The ASAP check: undefined = not asked, null = nothing earlier, else the earlier time. */
  offer: Availability | null | undefined = undefined;
  private previousStartsAt: Date | null = null;
  private pending: AbortController | null = null;

  constructor(
    private readonly subject: Subject,
    private readonly options: {
      api: PatientPortal;
      openWindow?: () => Window | null;
      newKey?: () => string;
    },
    private readonly hooks: ActionHooks,
  ) {}

  newKey(): string {
    return this.options.newKey?.() ?? newIdempotencyKey();
  }

  /** Another appointment, or away from it: forget results, abort what runs. */
  reset(): void {
    this.pending?.abort();
    this.pending = null;
    this.error = null;
    this.notice = null;
    this.offer = undefined;
  }

  run(effect: Effect): void {
    switch (effect.type) {
      case 'reschedule':
        return void this.attempt(() =>
          this.reschedule(effect.availabilityId, effect.idempotencyKey),
        );
      case 'rescheduled':
        return this.rescheduled(effect.id);
      case 'cancel':
        return void this.attempt(() => this.cancel(effect.id, effect.idempotencyKey));
      case 'cancelled':
        this.notice = { kind: 'cancelled' };
        return this.hooks.emit('booking-cancelled', { appointmentId: effect.id });
      case 'subscribe':
        return void this.attempt((s) => this.subscribe(effect.id, effect.email, s));
      case 'unsubscribe':
        return void this.attempt((s) => this.unsubscribe(effect.id, s));
      case 'check':
        return void this.attempt((s) => this.check(effect.id, s));
      case 'video':
        return this.video(effect.id);
    }
  }

  /** Runs one action: clears the last result, and on failure keeps the error and says FAILED. */
  private async attempt(action: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.pending?.abort();
    const pending = new AbortController();
    this.pending = pending;
    this.error = null;
    this.notice = null;
    try {
      await action(pending.signal);
    } catch (error) {
      if (this.pending !== pending) return;
      const e = this.hooks.failed(error);
      if (!e) return;
      this.error = e;
      if (e.code === ERROR_CODES.availabilityTaken) this.offer = undefined;
      this.hooks.send(
        e.code === ERROR_CODES.availabilityTaken ? { type: 'SLOT_TAKEN' } : { type: 'FAILED' },
      );
    } finally {
      if (this.pending === pending) this.pending = null;
    }
  }

  private async reschedule(availabilityId: string, idempotencyKey: string): Promise<void> {
    const { detail, profile } = this.subject;
    this.previousStartsAt = detail?.startsAt ?? null;
    const moved = await this.options.api.reschedule(
      {
        availabilityId,
        patientId: detail?.patientId ?? profile?.sub ?? '',
        idempotencyKey,
        ...(profile ? { notifyWith: profileToPatient(profile) } : {}),
      },
      // A POST with an idempotency key: not aborted half-way when the patient looks elsewhere.
      new AbortController().signal,
    );
    this.offer = undefined;
    this.hooks.setDetail(moved);
    this.hooks.send({ type: 'RESCHEDULED' });
  }

  private rescheduled(id: string): void {
    const moved = this.subject.detail;
    if (!moved) return;
    this.notice = { kind: 'moved', startsAt: moved.startsAt };
    this.hooks.emit('booking-rescheduled', {
      appointmentId: id,
      startsAt: moved.startsAt.toISOString(),
      endsAt: moved.endsAt.toISOString(),
      previousStartsAt: (this.previousStartsAt ?? moved.startsAt).toISOString(),
    });
  }

  private async cancel(id: string, idempotencyKey: string): Promise<void> {
    const signal = new AbortController().signal;
    await this.options.api.cancel(id, idempotencyKey, signal);
    const before = this.subject.detail;
    // The portal's word on the new state; what we know if it cannot be read right now.
    const after = await this.options.api
      .appointment(id, signal)
      .catch(() =>
        before
          ? { ...before, status: 'cancelled' as const, cancelable: false, reschedulable: false }
          : null,
      );
    if (after) this.hooks.setDetail(after);
    this.hooks.send({ type: 'CANCELLED' });
  }

  private async subscribe(id: string, email: string, signal: AbortSignal): Promise<void> {
    await this.options.api.subscribeAsap(id, email, signal);
    const detail = this.subject.detail;
    if (detail) this.hooks.setDetail({ ...detail, asapSubscription: { email } });
    this.notice = { kind: 'subscribed' };
    this.hooks.send({ type: 'DONE' });
  }

  private async unsubscribe(id: string, signal: AbortSignal): Promise<void> {
    await this.options.api.unsubscribeAsap(id, signal);
    const detail = this.subject.detail;
    if (detail) this.hooks.setDetail({ ...detail, asapSubscription: null });
    this.notice = { kind: 'unsubscribed' };
    this.hooks.send({ type: 'DONE' });
  }

  private async check(id: string, signal: AbortSignal): Promise<void> {
    const offer = await this.options.api.asapAvailability(id, signal);
    this.hooks.setDetail(offer.appointment);
    this.offer = offer.availability;
    this.hooks.send({ type: 'DONE' });
  }

  /** Runs inside the click: the window opens first, the link is asked for afterwards. */
  private video(id: string): void {
    const target = (this.options.openWindow ?? blankWindow)();
    void this.attempt(async (signal) => {
      try {
        const access = await this.options.api.videoAccess(id, signal);
        if (target && !target.closed) target.location.replace(access.url);
        else window.open(access.url, '_blank', 'noopener');
      } catch (error) {
        target?.close();
        throw error;
      }
      this.hooks.send({ type: 'DONE' });
    });
  }
}
