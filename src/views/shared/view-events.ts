/**
 * Events the step views and account views send up to the root. All are `CustomEvent`s that bubble and are composed.
 * Details hold ids and what the user typed; the root never forwards them to the host page.
 */
import type { PatientData } from '../../api/types.js';

/** Steps the summary's "Change" buttons lead back to. */
export type EditStep = 'type' | 'time';

/** The radio groups that narrow the first screen's list. */
export type FilterName = 'insurance' | 'category';

/** The two top-level views of a signed-in patient (account bar navigation). */
export type AccountView = 'booking' | 'appointments';

/** Which appointments the list shows. */
export type AppointmentFilter = 'upcoming' | 'past';

/** What the details form holds: the patient's data plus the ASAP opt-in (not part of `patient_data`). */
export interface PatientInput {
  value: PatientData;
  /** "Notify me if an earlier time becomes free"; false when the type offers no ASAP list. */
  asapOptIn: boolean;
  /** The optional note to the practice (sent as `structured_comment`, never logged). */
  note: string;
}

export interface ViewEventDetails {
  /** An option (an appointment type) or an availability was chosen. */
  'pb-select': { id: string };
  /** A radio above the list was chosen (the insurance, a category). */
  'pb-narrow': { name: FilterName; id: string };
  /** The time step wants the window of days starting at `from` ('YYYY-MM-DD'). */
  'pb-range': { from: string };
  /** "Find the first free time". */
  'pb-find-first': Record<string, never>;
  /** Every input in the details form. */
  'pb-patient-input': PatientInput;
  /** The details form was submitted and is valid. */
  'pb-patient-submit': PatientInput;
  /** A new time was confirmed ("Move appointment"). */
  'pb-confirm': Record<string, never>;
  /** A summary's "Change" button. */
  'pb-edit': { step: EditStep };
  /** Retry after an error shown inside a view. */
  'pb-retry': Record<string, never>;
  /** "Book another appointment". */
  'pb-restart': Record<string, never>;
  /** "Sign in" / "Try again": dispatched synchronously in the click (the root opens the popup then). */
  'pb-login': Record<string, never>;
  /** "Sign out". */
  'pb-logout': Record<string, never>;
  /** Account navigation: "Book an appointment" / "My appointments" (also when already active). */
  'pb-show': { view: AccountView };
  /** The appointment list's filter changed. */
  'pb-filter': { filter: AppointmentFilter };
  /** "Show more" appointments. */
  'pb-more': Record<string, never>;
  /** An appointment in the list was opened. */
  'pb-open': { id: string };
  /** "Reschedule" (choose a new time for the open appointment). */
  'pb-reschedule': Record<string, never>;
  /** The cancel dialog was confirmed ("Yes, cancel"). */
  'pb-cancel': Record<string, never>;
  /** Join the ASAP list with this email address. */
  'pb-asap-subscribe': { email: string };
  /** Leave the ASAP list. */
  'pb-asap-unsubscribe': Record<string, never>;
  /** "Check for an earlier time now". */
  'pb-asap-check': Record<string, never>;
  /** Move the appointment to the offered earlier availability. */
  'pb-asap-take': { availabilityId: string };
  /** "Join video consultation": dispatched synchronously in the click (a window may be opened). */
  'pb-video': Record<string, never>;
  /** Back one level (detail → list, reschedule confirmation → times). */
  'pb-back': Record<string, never>;
  /** "Book this again": a new booking of the open appointment's type. */
  'pb-book-again': Record<string, never>;
}

export type ViewEventName = keyof ViewEventDetails;

/** A bubbling, composed view event with its typed detail. */
export function viewEvent<K extends ViewEventName>(
  name: K,
  detail: ViewEventDetails[K],
): CustomEvent<ViewEventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'pb-select': CustomEvent<ViewEventDetails['pb-select']>;
    'pb-narrow': CustomEvent<ViewEventDetails['pb-narrow']>;
    'pb-range': CustomEvent<ViewEventDetails['pb-range']>;
    'pb-find-first': CustomEvent<ViewEventDetails['pb-find-first']>;
    'pb-patient-input': CustomEvent<ViewEventDetails['pb-patient-input']>;
    'pb-patient-submit': CustomEvent<ViewEventDetails['pb-patient-submit']>;
    'pb-confirm': CustomEvent<ViewEventDetails['pb-confirm']>;
    'pb-edit': CustomEvent<ViewEventDetails['pb-edit']>;
    'pb-retry': CustomEvent<ViewEventDetails['pb-retry']>;
    'pb-restart': CustomEvent<ViewEventDetails['pb-restart']>;
    'pb-login': CustomEvent<ViewEventDetails['pb-login']>;
    'pb-logout': CustomEvent<ViewEventDetails['pb-logout']>;
    'pb-show': CustomEvent<ViewEventDetails['pb-show']>;
    'pb-filter': CustomEvent<ViewEventDetails['pb-filter']>;
    'pb-more': CustomEvent<ViewEventDetails['pb-more']>;
    'pb-open': CustomEvent<ViewEventDetails['pb-open']>;
    'pb-reschedule': CustomEvent<ViewEventDetails['pb-reschedule']>;
    'pb-cancel': CustomEvent<ViewEventDetails['pb-cancel']>;
    'pb-asap-subscribe': CustomEvent<ViewEventDetails['pb-asap-subscribe']>;
    'pb-asap-unsubscribe': CustomEvent<ViewEventDetails['pb-asap-unsubscribe']>;
    'pb-asap-check': CustomEvent<ViewEventDetails['pb-asap-check']>;
    'pb-asap-take': CustomEvent<ViewEventDetails['pb-asap-take']>;
    'pb-video': CustomEvent<ViewEventDetails['pb-video']>;
    'pb-back': CustomEvent<ViewEventDetails['pb-back']>;
    'pb-book-again': CustomEvent<ViewEventDetails['pb-book-again']>;
  }
}
