import type { AccountMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

// Shared by `errors` and `login` (written once in the bundle).
const popupBlocked =
  'Das Anmeldefenster wurde blockiert. Bitte erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.';
const popupClosed = 'Das Anmeldefenster wurde geschlossen. Sie können es jederzeit erneut öffnen.';
const loginDenied = 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.';
const book = 'Termin buchen';

/** German catalogue, the signed-in patient's part. */
export const deAccount: AccountMessages = {
  errors: {
    not_cancelable:
      'Dieser Termin kann online nicht mehr abgesagt werden (weniger als 24 Stunden vor Beginn). Bitte rufen Sie die Praxis an.',
    not_reschedulable:
      'Dieser Termin kann online nicht mehr verschoben werden (weniger als 24 Stunden vor Beginn). Bitte rufen Sie die Praxis an.',
    popup_blocked: popupBlocked,
    popup_closed: popupClosed,
    login_denied: loginDenied,
  },
  login: {
    signedInAs: (name) => (name ? `Angemeldet als ${name}` : 'Angemeldet'),
    signOut: 'Abmelden',
    signInAgain: 'Erneut anmelden',
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    popupBlocked,
    popupClosed,
    denied: loginDenied,
  },
  account: {
    nav: 'Ihr Konto',
    book,
    appointments: 'Meine Termine',
    newTimeHeading: 'Neue Zeit wählen',
    moveHeading: 'Termin verschieben?',
    filter: 'Anzeigen',
    upcoming: 'Anstehend',
    past: 'Vergangen',
    counts: (u, p) =>
      `${u} ${plural(u, 'anstehender Termin', 'anstehende Termine')} · ${p} ${plural(p, 'vergangener', 'vergangene')}`,
    next: 'Ihr nächster Termin',
    emptyUpcoming: 'Sie haben keine anstehenden Termine.',
    emptyPast: 'Sie haben keine vergangenen Termine.',
    showMore: 'Mehr anzeigen',
    statuses: { confirmed: 'Bestätigt', cancelled: 'Abgesagt', past: 'Vergangen' },
    when: 'Datum und Uhrzeit',
    duration: 'Dauer',
    where: 'Ort',
    status: 'Status',
    back: 'Zurück zu meinen Terminen',
    reschedule: 'Verschieben',
    cancel: 'Termin absagen',
    cancelQuestion: (date) => `Termin am ${date} absagen?`,
    cancelNote: 'Die Zeit wird für andere Patienten frei. Das lässt sich nicht rückgängig machen.',
    cancelYes: 'Ja, absagen',
    cancelKeep: 'Termin behalten',
    notChangeable:
      'Termine können bis 24 Stunden vor Beginn online geändert werden. Bitte rufen Sie die Praxis an.',
    asapHeading: 'Früherer Termin',
    asapIntro: 'Wir schreiben Ihnen eine E-Mail, wenn ein früherer Termin frei wird.',
    asapOn: (email) => `Sie stehen auf der Liste für einen früheren Termin (${email}).`,
    asapCheck: 'Jetzt nach früherem Termin suchen',
    asapLeave: 'Von der Liste austragen',
    asapJoin: 'Über frühere Termine benachrichtigen',
    noEarlier: 'Gerade ist kein früherer Termin frei.',
    earlierFound: (date) => `Ein früherer Termin ist frei: ${date}`,
    asapTake: 'Termin auf diese Zeit verschieben',
    videoJoin: 'Videosprechstunde beitreten',
    videoNote: 'Öffnet sich in einem neuen Fenster.',
    before: 'Bisherige Zeit',
    after: 'Neue Zeit',
    move: 'Termin verschieben',
    moving: 'Wird verschoben …',
    otherTime: 'Andere Zeit wählen',
    cancelled: 'Ihr Termin wurde abgesagt.',
    bookAgain: 'Diesen Termin erneut buchen',
    movedCalendar: 'Neue Zeit in den Kalender übernehmen (.ics)',
    moved: (date) => `Ihr Termin wurde auf ${date} verschoben.`,
    subscribed:
      'Sie stehen auf der Liste. Wir schreiben Ihnen, wenn ein früherer Termin frei wird.',
    unsubscribed: 'Sie stehen nicht mehr auf der Liste für frühere Termine.',
  },
};
