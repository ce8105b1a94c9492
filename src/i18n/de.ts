import type { Messages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** German catalogue: friendly, short, formal "Sie". */
export const de: Messages = {
  widget: {
    title: 'Termin buchen',
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
    retry: 'Erneut versuchen',
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
      'Dieser Termin kann online nicht mehr abgesagt werden. Bitte rufen Sie die Praxis an.',
    not_reschedulable:
      'Dieser Termin kann online nicht mehr verschoben werden. Bitte rufen Sie die Praxis an.',
    asap_not_enabled:
      'Für diese Terminart gibt es keine Benachrichtigung über frühere Termine. Bitte buchen Sie ohne diese Option.',
    bad_response:
      'Die Antwort der Praxis war unerwartet. Bitte versuchen Sie es erneut oder rufen Sie die Praxis an.',
    server:
      'Bei der Praxis ist gerade ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    config:
      'Dieses Buchungsformular ist nicht richtig eingerichtet. Bitte rufen Sie die Praxis an.',
    token_server:
      'Die Online-Buchung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder rufen Sie die Praxis an.',
    popup_blocked:
      'Das Anmeldefenster wurde blockiert. Bitte erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.',
    popup_closed: 'Das Anmeldefenster wurde geschlossen. Sie können es jederzeit erneut öffnen.',
    login_denied: 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.',
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
};
