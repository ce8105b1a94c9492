import type { AccountMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

// Shared by `errors` and `login` (written once in the bundle).
const popupBlocked =
  'The sign-in window was blocked. Please allow pop-ups for this page and try again.';
const popupClosed = 'The sign-in window was closed. You can open it again at any time.';
const loginDenied = 'Signing in did not work. Please try again.';
const book = 'Book an appointment';

/** English catalogue, the signed-in patient's part. */
export const enAccount: AccountMessages = {
  errors: {
    not_cancelable:
      'This appointment can no longer be cancelled online (less than 24 hours before it starts). Please call the practice.',
    not_reschedulable:
      'This appointment can no longer be moved online (less than 24 hours before it starts). Please call the practice.',
    popup_blocked: popupBlocked,
    popup_closed: popupClosed,
    login_denied: loginDenied,
  },
  login: {
    signedInAs: (name) => (name ? `Signed in as ${name}` : 'Signed in'),
    signOut: 'Sign out',
    signInAgain: 'Sign in again',
    sessionExpired: 'Your session has expired. Please sign in again.',
    popupBlocked,
    popupClosed,
    denied: loginDenied,
  },
  account: {
    nav: 'Your account',
    book,
    appointments: 'My appointments',
    newTimeHeading: 'Choose a new time',
    moveHeading: 'Move your appointment?',
    filter: 'Show',
    upcoming: 'Upcoming',
    past: 'Past',
    counts: (u, p) => `${u} upcoming ${plural(u, 'appointment', 'appointments')} · ${p} past`,
    next: 'Your next appointment',
    emptyUpcoming: 'You have no upcoming appointments.',
    emptyPast: 'You have no past appointments.',
    showMore: 'Show more',
    statuses: { confirmed: 'Confirmed', cancelled: 'Cancelled', past: 'Past' },
    when: 'Date and time',
    duration: 'Duration',
    where: 'Place',
    status: 'Status',
    back: 'Back to my appointments',
    reschedule: 'Reschedule',
    cancel: 'Cancel appointment',
    cancelQuestion: (date) => `Cancel this appointment on ${date}?`,
    cancelNote: 'The time will be offered to other patients. This cannot be undone.',
    cancelYes: 'Yes, cancel',
    cancelKeep: 'Keep appointment',
    notChangeable:
      'Appointments can be changed online until 24 hours before they start. Please call the practice.',
    asapHeading: 'Earlier appointment',
    asapIntro: 'We will email you when an earlier time becomes free.',
    asapOn: (email) => `You are on the list for an earlier time (${email}).`,
    asapCheck: 'Check for an earlier time now',
    asapLeave: 'Leave the list',
    asapJoin: 'Notify me about earlier times',
    noEarlier: 'There is no earlier time free right now.',
    earlierFound: (date) => `An earlier time is free: ${date}`,
    asapTake: 'Move my appointment to this time',
    videoJoin: 'Join video consultation',
    videoNote: 'Opens in a new window.',
    before: 'Current time',
    after: 'New time',
    move: 'Move appointment',
    moving: 'Moving …',
    otherTime: 'Choose another time',
    cancelled: 'Your appointment has been cancelled.',
    bookAgain: 'Book this again',
    movedCalendar: 'Put the new time in your calendar (.ics)',
    moved: (date) => `Your appointment was moved to ${date}.`,
    subscribed: 'You are on the list. We will email you when an earlier time becomes free.',
    unsubscribed: 'You are no longer on the list for earlier times.',
  },
};
