import type { Messages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

// Shared by `errors` and `login` (written once in the bundle).
const popupBlocked =
  'Das Anmeldefenster wurde blockiert. Bitte erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.';
const popupClosed = 'Das Anmeldefenster wurde geschlossen. Sie können es jederzeit erneut öffnen.';
const loginDenied = 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.';
const retry = 'Erneut versuchen';
const book = 'Termin buchen';

/** German catalogue: friendly, short, formal "Sie". */
export const de: Messages = {
  widget: {
    title: book,
    stepOf: (n, total) => `Schritt ${n} von ${total}`,
    stepAnnouncement: (stepName) => `Nächster Schritt: ${stepName}`,
  },
  steps: {
    insurance: 'Versicherung',
    category: 'Anliegen',
    type: 'Terminart',
    time: 'Datum und Uhrzeit',
    details: 'Ihre Angaben',
    review: 'Überprüfen',
    confirmed: 'Gebucht',
  },
  common: {
    back: 'Zurück',
    retry,
    loading: 'Wird geladen …',
    change: 'Ändern',
    changeWhat: (what) => `Ändern: ${what}`,
    durationMinutes: (n) => `${n} Min.`,
    video: 'Videosprechstunde',
    optional: 'optional',
  },
  errors: {
    network: 'Keine Verbindung. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    timeout: 'Die Praxis antwortet gerade nicht. Bitte versuchen Sie es gleich noch einmal.',
    rate_limited:
      'Gerade sind sehr viele Anfragen unterwegs. Bitte versuchen Sie es in einer Minute erneut.',
    retryIn: (s) =>
      `Viele Anfragen gerade – wir versuchen es in ${s} ${plural(s, 'Sekunde', 'Sekunden')} automatisch erneut.`,
    unauthorized: 'Ihre Sitzung ist abgelaufen. Bitte versuchen Sie es erneut.',
    forbidden:
      'Dafür fehlt die Berechtigung. Bitte melden Sie sich an oder rufen Sie die Praxis an.',
    not_found: 'Diese Auswahl gibt es nicht mehr. Bitte wählen Sie neu.',
    availability_taken:
      'Dieser Termin wurde gerade vergeben. Bitte wählen Sie eine andere Zeit – Ihre Angaben bleiben erhalten.',
    validation: 'Bitte prüfen Sie die markierten Angaben.',
    not_cancelable:
      'Dieser Termin kann online nicht mehr abgesagt werden (weniger als 24 Stunden vor Beginn). Bitte rufen Sie die Praxis an.',
    not_reschedulable:
      'Dieser Termin kann online nicht mehr verschoben werden (weniger als 24 Stunden vor Beginn). Bitte rufen Sie die Praxis an.',
    asap_not_enabled:
      'Für diese Terminart gibt es keine Benachrichtigung über frühere Termine. Bitte fahren Sie ohne diese Option fort.',
    bad_response:
      'Die Antwort der Praxis war unerwartet. Bitte versuchen Sie es erneut oder rufen Sie die Praxis an.',
    server:
      'Bei der Praxis ist gerade ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    config:
      'Dieses Buchungsformular ist nicht richtig eingerichtet. Bitte rufen Sie die Praxis an.',
    token_server:
      'Die Online-Buchung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder rufen Sie die Praxis an.',
    popup_blocked: popupBlocked,
    popup_closed: popupClosed,
    login_denied: loginDenied,
    unknown: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  insurance: {
    heading: 'Wie sind Sie versichert?',
    empty: 'Für diese Praxis sind keine Versicherungen hinterlegt. Bitte rufen Sie die Praxis an.',
    kinds: {
      public: 'Gesetzlich versichert',
      private: 'Privat versichert',
      self_pay: 'Selbstzahler',
    },
  },
  category: {
    heading: 'Worum geht es?',
    empty: 'Online sind gerade keine Termine buchbar. Bitte rufen Sie die Praxis an.',
  },
  type: {
    heading: 'Welcher Termin passt?',
    empty:
      'Hierfür sind online keine Termine buchbar. Bitte wählen Sie ein anderes Anliegen oder rufen Sie die Praxis an.',
    locations: (n) => `${n} Standorte`,
  },
  time: {
    heading: 'Wann passt es Ihnen?',
    daysLabel: 'Tag wählen',
    range: (from, to) => `${from} bis ${to}`,
    earlier: 'Frühere Tage',
    later: 'Spätere Tage',
    timesHeading: (day) => `Freie Zeiten am ${day}`,
    timesCount: (n) => `${n} ${plural(n, 'Termin', 'Termine')}`,
    zoneNote: (zone, abbr) => `Alle Uhrzeiten in Ortszeit der Praxis: ${zone} (${abbr}).`,
    location: 'Standort',
    allLocations: 'Alle Standorte',
    emptyRange: (from, to) => `Keine freien Termine vom ${from} bis ${to}.`,
    findFirst: 'Ersten freien Termin suchen',
    searching: 'Suche nach dem ersten freien Termin …',
    nextAvailable: (date) => `Nächster freier Termin: ${date}`,
    noneAvailable:
      'In den nächsten 6 Monaten gibt es keine freien Termine. Bitte rufen Sie die Praxis an.',
  },
  details: {
    heading: 'Ihre Angaben',
    intro: 'Damit die Praxis Sie erreicht und Ihnen die Bestätigung schicken kann.',
    labels: {
      title: 'Titel',
      first_name: 'Vorname',
      last_name: 'Nachname',
      gender: 'Geschlecht',
      born_on: 'Geburtsdatum',
      email: 'E-Mail-Adresse',
      mobile: 'Handynummer',
      phone: 'Telefonnummer',
      insurance: 'Krankenversicherung',
      accepts_email: 'Ich bin einverstanden, dass mich die Praxis per E-Mail informiert.',
    },
    required: {
      title: 'Bitte geben Sie Ihren Titel an.',
      first_name: 'Bitte geben Sie Ihren Vornamen ein.',
      last_name: 'Bitte geben Sie Ihren Nachnamen ein.',
      gender: 'Bitte wählen Sie Ihr Geschlecht.',
      born_on: 'Bitte geben Sie Ihr Geburtsdatum ein.',
      email: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
      mobile: 'Bitte geben Sie Ihre Handynummer ein.',
      phone: 'Bitte geben Sie Ihre Telefonnummer ein.',
      insurance: 'Bitte geben Sie Ihre Krankenversicherung an.',
      accepts_email: 'Bitte bestätigen Sie die E-Mail-Benachrichtigung.',
    },
    invalid: {
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
      bornOnFuture: 'Das Geburtsdatum darf nicht in der Zukunft liegen.',
      bornOnInvalid: 'Bitte geben Sie ein gültiges Geburtsdatum ein.',
      phone: 'Bitte geben Sie eine gültige Telefonnummer ein, z. B. 030 1234567.',
      tooLong: 'Diese Angabe ist zu lang.',
      other: 'Bitte prüfen Sie diese Angabe.',
    },
    genders: { m: 'männlich', f: 'weiblich', d: 'divers' },
    choose: 'Bitte wählen',
    asapOptIn: 'Benachrichtigen Sie mich, wenn ein früherer Termin frei wird.',
    asapHint: 'Sie erhalten dann eine E-Mail und können den Termin vorverlegen.',
    serverErrors: 'Bitte prüfen Sie Ihre Angaben:',
    submit: 'Weiter',
  },
  review: {
    heading: 'Bitte prüfen Sie Ihre Buchung',
    appointment: 'Termin',
    when: 'Datum und Uhrzeit',
    where: 'Ort',
    videoWhere: 'Online per Video',
    insurance: 'Versicherung',
    patient: 'Ihre Angaben',
    confirm: 'Verbindlich buchen',
    submitting: 'Wird gebucht …',
    binding: 'Mit „Verbindlich buchen“ reservieren Sie diesen Termin fest für sich.',
  },
  confirmation: {
    heading: 'Ihr Termin ist gebucht',
    thanks: 'Vielen Dank! Wir freuen uns auf Sie.',
    emailNote: 'Die Bestätigung erhalten Sie auch per E-Mail.',
    addToCalendar: 'Zum Kalender hinzufügen',
    bookAnother: 'Weiteren Termin buchen',
    calendarTitle: (type, institution) => (institution ? `${type} – ${institution}` : type),
  },
  login: {
    signIn: 'Anmelden',
    signInPrompt: 'Bereits in dieser Praxis in Behandlung?',
    signingIn: 'Anmeldung läuft …',
    signingInHint: 'Bitte schließen Sie die Anmeldung im neuen Fenster ab.',
    signedInAs: (name) => (name ? `Angemeldet als ${name}` : 'Angemeldet'),
    signOut: 'Abmelden',
    tryAgain: retry,
    signInAgain: 'Erneut anmelden',
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    popupBlocked,
    popupClosed,
    denied: loginDenied,
    signInToBook: 'Bitte melden Sie sich an, um einen Termin zu buchen.',
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
    statuses: { confirmed: 'Bestätigt', cancelled: 'Abgesagt' },
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
    moved: (date) => `Ihr Termin wurde auf ${date} verschoben.`,
    subscribed:
      'Sie stehen auf der Liste. Wir schreiben Ihnen, wenn ein früherer Termin frei wird.',
    unsubscribed: 'Sie stehen nicht mehr auf der Liste für frühere Termine.',
  },
};
