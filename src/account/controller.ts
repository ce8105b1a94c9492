/**
 * Runs the signed-in side for the root element: holds the account machine's state, feeds it
 * events, runs the effects it returns (login popup, loads, cancel, reschedule, ASAP list, video,
 * public events) and asks the host to re-render. The detail's actions live in `detail-actions.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, ERROR_CODES } from '../api/errors.js';
import { isAbortError } from '../api/http.js';
import type { PatientPortal } from '../api/portal.js';
import type { Appointment, Availability, UserProfile } from '../api/types.js';
import { openLoginWindow } from '../auth/popup.js';
import type { UserSession } from '../auth/session.js';
import { todayIn } from '../time/calendar.js';
import { publicError } from '../booking/public-error.js';
import { toApiError } from '../booking/resources.js';
import type { StepData } from '../booking/step-data.js';
import { emit } from '../contract/events.js';
import { AppointmentLists } from './appointment-lists.js';
import { DetailActions } from './detail-actions.js';
import {
  initialAccountState,
  transition,
  type AccountEvent,
  type AccountState,
  type Effect,
  type Screen,
} from './machine.js';
import { RescheduleTimes } from './reschedule-times.js';
import { rememberedInsurance } from './returning-patient.js';

export interface AccountControllerOptions {
  api: PatientPortal;
  session: UserSession;
  /** The booking flow's catalogue: the clinic's time zone, locations, appointment types. */
  catalogue: StepData;
  /** The profile arrived (signed in) or is gone: `signedOut` clears the form, `expired` keeps it. */
  onProfile?: (profile: UserProfile | null, why: 'signedIn' | 'signedOut' | 'expired') => void;
  /** The patient's insurance, as their earlier appointments name it (after signing in). */
  onInsurance?: (insuranceId: string) => void;
  /** "Book this again" on an appointment: the booking with its type (the account shows it). */
  onBookAgain?: (appointment: Appointment, insuranceId: string | undefined) => void;
  /** After a screen change has rendered (announce it, move focus). */
  onScreenRendered?: (state: AccountState, previous: Screen) => void;
  openLogin?: () => Window | null;
  /** Opens an empty window for the video consultation (synchronously, in the click). */
  openWindow?: () => Window | null;
  newKey?: () => string;
  now?: () => Date;
}

export class AccountController implements ReactiveController {
  state: AccountState = initialAccountState();
  profile: UserProfile | null = null;
  readonly lists: AppointmentLists;
  readonly times: RescheduleTimes;
  readonly actions: DetailActions;
  /** The open appointment (from its list at first, then fresh from the portal). */
  detail: Appointment | null = null;
  detailError: ApiError | null = null;
  /** The new time picked for the open appointment (the confirmation shows it). */
  chosen: Availability | null = null;
  /** The patient's insurance from their earlier appointments, once known. */
  insuranceId: string | undefined;
  private detailLoad: AbortController | null = null;
  private insuranceLoad: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    readonly options: AccountControllerOptions,
  ) {
    host.addController(this);
    const update = () => host.requestUpdate();
    const report = (error: ApiError) => void this.failed(error);
    this.lists = new AppointmentLists(options.api, update, report);
    this.times = new RescheduleTimes(options.api, update, report);
    this.actions = new DetailActions(this, options, {
      send: (e) => this.send(e),
      failed: (e) => this.failed(e),
      emit: (name, detail) => emit(host, name, detail),
      setDetail: (a) => {
        this.detail = a;
        this.lists.invalidate();
      },
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.times.leave();
    this.detailLoad?.abort();
  }

  get signedIn(): boolean {
    return this.options.session.signedIn;
  }

  /** The clinic's date today, once its time zone is known. */
  get today(): string | null {
    const institution = this.options.catalogue.institution();
    if (institution.status !== 'ready') return null;
    return todayIn(institution.value.timeZone, this.options.now?.() ?? new Date());
  }

  send(event: AccountEvent): void {
    const { state, effects } = transition(this.state, event);
    if (state === this.state && effects.length === 0) return;
    this.state = state;
    for (const effect of effects) this.run(effect);
    this.host.requestUpdate();
  }

  /** "Book this again" on the open appointment: the booking shows, with its type. */
  bookAgain(): void {
    const appointment = this.detail;
    if (!appointment) return;
    this.options.onBookAgain?.(appointment, this.insuranceId);
    this.send({ type: 'SHOW', view: 'booking' });
  }

  pickTime(availabilityId: string): void {
    const slot = this.times.find(availabilityId);
    if (!slot) return;
    this.chosen = slot;
    this.send({ type: 'PICK_TIME', availabilityId });
  }

  /** The time step's window of days starting at `from`. */
  moveTimes(from: string): void {
    this.times.moveTo(from, this.today);
    this.host.requestUpdate();
  }

  findFirstTime(): void {
    this.times.firstAfter();
    this.host.requestUpdate();
  }

  /** Loads what the current screen shows (the root calls this before each render). */
  ensureScreenData(): void {
    const s = this.state;
    if (s.screen === 'rescheduleTime') this.times.ensure(s.id, this.today);
  }

  private run(effect: Effect): void {
    switch (effect.type) {
      case 'screenChanged':
        return this.screenChanged(effect.previous);
      case 'openLogin':
        return this.openLogin();
      case 'signedIn':
        return void this.loadProfile();
      case 'signOut':
        this.options.session.signOut();
        this.clear();
        return this.options.onProfile?.(null, 'signedOut');
      case 'sessionEnded':
        this.clear();
        return this.options.onProfile?.(null, 'expired');
      case 'loadList':
        return this.lists.load(effect.filter, effect.fresh);
      case 'loadMore':
        return this.lists.more(effect.filter);
      case 'loadDetail':
        return void this.loadDetail(effect.id);
      case 'loadTimes':
        if (effect.fresh) this.times.forget();
        return this.times.ensure(effect.id, this.today);
      case 'retry':
        return this.retry();
      default:
        return this.actions.run(effect);
    }
  }

  private screenChanged(previous: Screen): void {
    const screen = this.state.screen;
    if (screen !== 'rescheduleTime') this.times.leave();
    // Results belong to one appointment: gone when leaving it or starting to reschedule it.
    const onAppointment = screen === 'detail' || screen.startsWith('reschedule');
    if (!onAppointment || (previous === 'detail' && screen === 'rescheduleTime')) {
      this.actions.reset();
    }
    this.host.requestUpdate(); // so that updateComplete waits for the new screen's render
    void this.host.updateComplete.then(() => this.options.onScreenRendered?.(this.state, previous));
  }

  /** Runs inside the click that sent LOGIN: the popup opens before anything is awaited. */
  private openLogin(): void {
    const popup = (this.options.openLogin ?? openLoginWindow)();
    if (!popup) {
      this.report(new ApiError('login popup blocked', ERROR_CODES.popupBlocked));
      this.send({ type: 'LOGIN_FAILED', code: ERROR_CODES.popupBlocked });
      return;
    }
    this.options.session.signIn(popup).then(
      () => this.send({ type: 'LOGGED_IN' }),
      (error: unknown) => {
        const e = toApiError(error);
        this.report(e);
        this.send({ type: 'LOGIN_FAILED', code: e.code });
      },
    );
  }

  private async loadProfile(): Promise<void> {
    try {
      const profile = await this.options.api.userinfo(new AbortController().signal);
      if (!this.signedIn) return;
      this.profile = profile;
      this.options.onProfile?.(profile, 'signedIn');
      this.host.requestUpdate();
      void this.loadInsurance();
    } catch (error) {
      this.failed(error); // no prefill: the patient types their details
    }
  }

  /** A nicety: without it (or on failure) the patient chooses the insurance by hand. */
  private async loadInsurance(): Promise<void> {
    this.insuranceLoad?.abort();
    const load = new AbortController();
    this.insuranceLoad = load;
    try {
      const id = await rememberedInsurance(this.options.api, load.signal);
      if (this.insuranceLoad !== load || !this.signedIn || !id) return;
      this.insuranceId = id;
      this.options.onInsurance?.(id);
    } catch (error) {
      if (this.insuranceLoad === load) this.failed(error);
    } finally {
      if (this.insuranceLoad === load) this.insuranceLoad = null;
    }
  }

  private async loadDetail(id: string): Promise<void> {
    this.detailLoad?.abort();
    const load = new AbortController();
    this.detailLoad = load;
    this.detail = this.lists.find(id) ?? null;
    this.detailError = null;
    this.actions.reset();
    try {
      const appointment = await this.options.api.appointment(id, load.signal);
      if (this.detailLoad === load) this.detail = appointment;
    } catch (error) {
      if (this.detailLoad !== load || isAbortError(error)) return;
      this.detailError = toApiError(error);
      this.failed(error);
    } finally {
      if (this.detailLoad === load) this.detailLoad = null;
      this.host.requestUpdate();
    }
  }

  private retry(): void {
    const s = this.state;
    if (s.screen === 'list') this.lists.retry(s.filter);
    if (s.screen === 'detail' && this.detailError) void this.loadDetail(s.id);
    this.options.catalogue.store.retryFailed();
    this.times.store.retryFailed();
    this.ensureScreenData();
  }

  private clear(): void {
    this.profile = null;
    this.insuranceLoad?.abort();
    this.insuranceId = undefined;
    this.lists.clear();
    this.times.leave();
    this.detailLoad?.abort();
    this.detail = null;
    this.detailError = null;
    this.chosen = null;
    this.actions.reset();
  }

  /** A failed request: reported to the host page; a session the portal no longer honours ends. */
  failed(error: unknown): ApiError | null {
    if (isAbortError(error)) return null;
    const e = toApiError(error);
    this.report(e);
    if (e.code === ERROR_CODES.unauthorized && this.signedIn) {
      this.options.session.signOut();
      this.send({ type: 'SESSION_ENDED' });
    }
    return e;
  }

  private report(error: ApiError): void {
    emit(this.host, 'booking-error', publicError(error));
    this.host.requestUpdate();
  }
}
