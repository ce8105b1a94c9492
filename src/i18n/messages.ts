import type { ErrorCode } from '../api/errors.js';
import type { AppointmentStatus, PatientField } from '../api/types.js';
import type { BirthDateProblem } from '../time/birth-date.js';

/** The booking flow's steps, as named in the catalogue (`steps`) and in `booking-step-change`. */
export const STEP_KEYS = ['type', 'time', 'details', 'confirmed'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** Gender values the portal accepts in `patient_data.gender`. */
export const GENDERS = ['m', 'f', 'd'] as const;
export type Gender = (typeof GENDERS)[number];

/** One message per error code, each a sentence that says what to do next. */
export interface ErrorMessages extends Record<ErrorCode, string> {
  /** 429 while the widget waits on its own: "… in {s} seconds automatically". */
  retryIn: (seconds: number) => string;
  /** Anything without a code. */
  unknown: string;
}

/**
 * The message catalogue. Grouped by the part of the widget that shows it, so new features add a
 * group (e.g. `login`) without touching the others. Plurals and interpolations are functions;
 * dates arrive already formatted (see `format.ts`).
 */
export interface Messages {
  widget: {
    /** The widget's title, e.g. "Termin buchen". */
    title: string;
    stepOf: (n: number, total: number) => string;
    /** Live-region text after a step change. */
    stepAnnouncement: (stepName: string) => string;
    /** Before the practice's phone number (a `tel:` link) under a message that says to call. */
    callPractice: string;
  };
  /** Step names, for progress and announcements. */
  steps: Record<StepKey, string>;
  common: {
    back: string;
    retry: string;
    loading: string;
    change: string;
    /** Accessible name of a "Change" button, starting with the visible text: "Change: Appointment". */
    changeWhat: (what: string) => string;
    durationMinutes: (n: number) => string;
    video: string;
    optional: string;
  };
  errors: ErrorMessages;
  /** The first screen: its heading, the insurance question above the list of types. */
  insurance: {
    /** The first screen's heading ("What do you need?"). */
    need: string;
    /** The insurance question (the radio group's legend). */
    heading: string;
    /** Where the list of types will be, until the insurance is chosen. */
    hint: string;
    empty: string;
  };
  /** The category filter, where an insurance has many types. */
  category: {
    heading: string;
    hint: string;
    empty: string;
  };
  type: {
    empty: string;
    locations: (n: number) => string;
  };
  time: {
    heading: string;
    /** The week strip's label: "Tag wählen, 23.–29. Nov. 2026". */
    daysLabel: (week: string) => string;
    previousWeek: string;
    nextWeek: string;
    /** A day without free times (closed, past or booked up), read after its date. */
    noTimes: string;
    weekEmpty: string;
    firstFree: string;
    /** Said when "first free time" has found a day. */
    firstFreeFound: (day: string) => string;
    chooseDate: string;
    dateLabel: string;
    showDate: string;
    dateOutOfRange: (from: string, to: string) => string;
    timesHeading: (day: string) => string;
    timesCount: (n: number) => string;
    periods: Record<'morning' | 'afternoon' | 'evening', string>;
    moreTimes: (n: number) => string;
    zoneNote: (zone: string, abbreviation: string) => string;
    location: string;
    emptyRange: (from: string, to: string) => string;
    findFirst: string;
    searching: string;
    nextAvailable: (date: string) => string;
    noneAvailable: string;
  };
  details: {
    heading: string;
    intro: string;
    labels: Record<PatientField, string>;
    /** Field-specific "please fill in" messages. */
    required: Record<PatientField, string>;
    invalid: {
      email: string;
      phone: string;
      tooLong: string;
      other: string;
    };
    /** What is wrong with a typed date of birth, and how to write it. */
    bornOn: Record<BirthDateProblem, string>;
    /** The date of birth's format in the patient's language ("TT.MM.JJJJ"): the placeholder. */
    bornOnFormat: string;
    /** Under the date of birth's label: the format and an example. */
    bornOnHint: string;
    note: {
      label: string;
      hint: string;
      /** Characters left: "Noch 480 von 500 Zeichen". */
      left: (left: number, max: number) => string;
    };
    privacy: {
      /** The line under the form; the link (when configured) follows it. */
      notice: string;
      link: string;
      /** Read with the link: it opens in a new window. */
      newWindow: string;
    };
    /** The error summary above the form (two or more problems). */
    summary: (count: number) => string;
    genders: Record<Gender, string>;
    choose: string;
    asapOptIn: string;
    asapHint: string;
    serverErrors: string;
    submit: string;
  };
  /** The summary of the choices above the later steps, and the booking on the details step. */
  booking: {
    /** The summary's accessible name. */
    summary: string;
    appointment: string;
    when: string;
    where: string;
    videoWhere: string;
    insurance: string;
    /** The booking button under the details form. */
    confirm: string;
    submitting: string;
    binding: string;
    /** The backend's booking budget (429 `booking_limited`): says to call; the phone follows. */
    bookingLimited: string;
  };
  confirmation: {
    heading: string;
    thanks: string;
    emailNote: string;
    addToCalendar: string;
    bookAnother: string;
    /** Calendar entry title: "Termin: {type} – {institution}". */
    calendarTitle: (typeName: string, institutionName?: string) => string;
    /** A title without the type, for links that leave the site: "Arzttermin – {institution}". */
    neutralTitle: (institutionName?: string) => string;
    nextHeading: string;
    bring: string;
    change: string;
    /** How a video consultation is joined. */
    videoHow: string;
    directions: string;
    googleCalendar: string;
    outlookCalendar: string;
  };
  /** Patient sign-in (account bar). Kept short: the catalogue loads before the first step. */
  login: {
    signIn: string;
    /** Next to "Sign in" when signed out: "Already a patient of this practice?" */
    signInPrompt: string;
    signingIn: string;
    /** While the popup is open: where to finish signing in. */
    signingInHint: string;
    /** "Signed in as {name}", or just "Signed in" without a name. */
    signedInAs: (name?: string) => string;
    signOut: string;
    tryAgain: string;
    signInAgain: string;
    sessionExpired: string;
    popupBlocked: string;
    popupClosed: string;
    denied: string;
    /** A widget without guest booking. */
    signInToBook: string;
  };
  /** A signed-in patient's appointments: list, detail, cancel, reschedule, ASAP list, video. */
  account: {
    /** Accessible name of the account navigation. */
    nav: string;
    book: string;
    /** "My appointments": navigation and the list's heading. */
    appointments: string;
    /** Time step heading when rescheduling. */
    newTimeHeading: string;
    /** Reschedule confirmation heading. */
    moveHeading: string;
    /** Accessible name of the filter buttons. */
    filter: string;
    upcoming: string;
    past: string;
    counts: (upcoming: number, past: number) => string;
    next: string;
    emptyUpcoming: string;
    emptyPast: string;
    showMore: string;
    /** A confirmed appointment that has ended is `past`. */
    statuses: Record<AppointmentStatus | 'past', string>;
    when: string;
    duration: string;
    where: string;
    status: string;
    back: string;
    reschedule: string;
    cancel: string;
    /** The cancel dialog's title. */
    cancelQuestion: (date: string) => string;
    cancelNote: string;
    cancelYes: string;
    cancelKeep: string;
    notChangeable: string;
    asapHeading: string;
    asapIntro: string;
    asapOn: (email: string) => string;
    asapCheck: string;
    asapLeave: string;
    asapJoin: string;
    noEarlier: string;
    earlierFound: (date: string) => string;
    asapTake: string;
    videoJoin: string;
    videoNote: string;
    /** Reschedule confirmation: the old and the new time. */
    before: string;
    after: string;
    move: string;
    moving: string;
    otherTime: string;
    /** Notices after an action. */
    cancelled: string;
    moved: (date: string) => string;
    /** A new booking of an appointment's type, from its detail. */
    bookAgain: string;
    /** After a move: the .ics download with the new time. */
    movedCalendar: string;
    subscribed: string;
    unsubscribed: string;
  };
}

/** Error codes the first step can meet; the others come with the parts that can meet them. */
type FirstStepErrorCode =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_response'
  | 'server'
  | 'config'
  | 'backend';

/**
 * The catalogue in the parts the widget loads one by one: the first step's (with the guest token,
 * before the first render), the later steps' (with their views) and the account's. `common`,
 * `errors` and `login` are spread over the parts: each has what its own screens show.
 */
export type CoreMessages = Pick<Messages, 'widget' | 'steps' | 'insurance'> & {
  common: Pick<Messages['common'], 'back' | 'retry' | 'loading'>;
  errors: Pick<ErrorMessages, FirstStepErrorCode | 'retryIn' | 'unknown'>;
  login: Pick<
    Messages['login'],
    'signIn' | 'signInPrompt' | 'signingIn' | 'signingInHint' | 'tryAgain' | 'signInToBook'
  >;
};
export type StepMessages = Pick<
  Messages,
  'category' | 'type' | 'time' | 'details' | 'booking' | 'confirmation'
> & {
  common: Omit<Messages['common'], keyof CoreMessages['common']>;
  errors: Pick<ErrorMessages, 'availability_taken' | 'validation' | 'asap_not_enabled'>;
};
export type AccountMessages = Pick<Messages, 'account'> & {
  errors: Pick<
    ErrorMessages,
    'not_cancelable' | 'not_reschedulable' | 'popup_blocked' | 'popup_closed' | 'login_denied'
  >;
  login: Omit<Messages['login'], keyof CoreMessages['login']>;
};

/** The message of an error code, or the general one where the loaded parts have none. */
export function errorMessage(t: Pick<CoreMessages, 'errors'>, code: ErrorCode): string {
  return (t.errors as Partial<Record<ErrorCode, string>>)[code] ?? t.errors.unknown;
}
