/**
 * Events the step views send up to the root. All are `CustomEvent`s that bubble and are composed.
 * Details hold ids and what the user typed; the root never forwards them to the host page.
 */
import type { PatientData } from '../api/types.js';

/** Steps the review's "change" buttons lead back to. */
export type EditStep = 'insurance' | 'category' | 'type' | 'time' | 'details';

/** What the details form holds: the patient's data plus the ASAP opt-in (not part of `patient_data`). */
export interface PatientInput {
  value: PatientData;
  /** "Notify me if an earlier time becomes free"; false when the type offers no ASAP list. */
  asapOptIn: boolean;
}

export interface ViewEventDetails {
  /** An option (insurance / category / type) or an availability was chosen. */
  'pb-select': { id: string };
  /** The time step wants the window of days starting at `from` ('YYYY-MM-DD'). */
  'pb-range': { from: string };
  /** "Find the first free time". */
  'pb-find-first': Record<string, never>;
  /** Every input in the details form. */
  'pb-patient-input': PatientInput;
  /** The details form was submitted and is valid. */
  'pb-patient-submit': PatientInput;
  /** The review was confirmed ("Book now"). */
  'pb-confirm': Record<string, never>;
  /** A review "change" button. */
  'pb-edit': { step: EditStep };
  /** Retry after an error shown inside a view. */
  'pb-retry': Record<string, never>;
  /** "Book another appointment". */
  'pb-restart': Record<string, never>;
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
    'pb-range': CustomEvent<ViewEventDetails['pb-range']>;
    'pb-find-first': CustomEvent<ViewEventDetails['pb-find-first']>;
    'pb-patient-input': CustomEvent<ViewEventDetails['pb-patient-input']>;
    'pb-patient-submit': CustomEvent<ViewEventDetails['pb-patient-submit']>;
    'pb-confirm': CustomEvent<ViewEventDetails['pb-confirm']>;
    'pb-edit': CustomEvent<ViewEventDetails['pb-edit']>;
    'pb-retry': CustomEvent<ViewEventDetails['pb-retry']>;
    'pb-restart': CustomEvent<ViewEventDetails['pb-restart']>;
  }
}
