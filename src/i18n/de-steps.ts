import type { StepMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** German catalogue, the later steps (time, details, the summary and booking, confirmation). */
export const deSteps: StepMessages = {
  common: {
    change: 'Ändern',
    changeWhat: (what) => `Ändern: ${what}`,
    durationMinutes: (n) => `${n} Min.`,
    video: 'Videosprechstunde',
    optional: 'optional',
  },
  category: {
    heading: 'Worum geht es?',
    hint: 'Bitte wählen Sie, worum es geht: Dann sehen Sie die passenden Termine.',
    empty: 'Online sind gerade keine Termine buchbar. Bitte rufen Sie die Praxis an.',
  },
  type: {
    empty: 'Hierfür sind online keine Termine buchbar. Bitte rufen Sie die Praxis an.',
    locations: (n) => `${n} Standorte`,
  },
  errors: {
    availability_taken:
      'Dieser Termin wurde gerade vergeben. Bitte wählen Sie eine andere Zeit – Ihre Angaben bleiben erhalten.',
    validation: 'Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
    asap_not_enabled:
      'Für diese Terminart gibt es keine Benachrichtigung über frühere Termine. Bitte fahren Sie ohne diese Option fort.',
  },
  time: {
    heading: 'Wann passt es Ihnen?',
    daysLabel: (week) => `Tag wählen, ${week}`,
    previousWeek: 'Vorherige Woche',
    nextWeek: 'Nächste Woche',
    noTimes: 'keine freien Termine',
    weekEmpty:
      'In dieser Woche sind keine Termine frei. Blättern Sie zur nächsten Woche oder wählen Sie „Erster freier Termin“.',
    firstFree: 'Erster freier Termin',
    firstFreeFound: (day) => `Erster freier Termin: ${day}.`,
    chooseDate: 'Datum wählen',
    dateLabel: 'Datum',
    showDate: 'Anzeigen',
    dateOutOfRange: (from, to) => `Bitte wählen Sie ein Datum vom ${from} bis ${to}.`,
    timesHeading: (day) => `Freie Zeiten am ${day}`,
    timesCount: (n) => `${n} ${plural(n, 'Termin', 'Termine')}`,
    periods: { morning: 'Vormittag', afternoon: 'Nachmittag', evening: 'Abend' },
    moreTimes: (n) => `Weitere Zeiten (${n})`,
    zoneNote: (zone, abbr) => `Alle Uhrzeiten in Ortszeit der Praxis: ${zone} (${abbr}).`,
    location: 'Standort',
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
      phone: 'Bitte geben Sie eine gültige Telefonnummer ein, z. B. 030 1234567.',
      tooLong: 'Diese Angabe ist zu lang.',
      other: 'Bitte prüfen Sie diese Angabe.',
    },
    bornOn: {
      format: 'Bitte geben Sie Ihr Geburtsdatum als Tag, Monat und Jahr ein, z. B. 01.02.1980.',
      noSuchDay: 'Dieses Datum gibt es nicht. Bitte prüfen Sie Tag und Monat.',
      future: 'Das Geburtsdatum darf nicht in der Zukunft liegen. Bitte prüfen Sie das Jahr.',
      tooEarly: 'Bitte prüfen Sie das Jahr: Es muss 1900 oder später sein.',
    },
    bornOnFormat: 'TT.MM.JJJJ',
    bornOnHint: 'TT.MM.JJJJ, z. B. 01.02.1980',
    note: {
      label: 'Nachricht an die Praxis',
      hint: 'Zum Beispiel, was die Praxis vor dem Termin wissen sollte.',
      left: (left, max) => `Noch ${left} von ${max} Zeichen`,
    },
    privacy: {
      notice: 'Mit der Buchung werden Ihre Angaben an die Praxis übermittelt.',
      link: 'Datenschutzhinweise',
      newWindow: '(öffnet in neuem Fenster)',
    },
    summary: (n) => `Bitte prüfen Sie ${n} Angaben:`,
    genders: { m: 'männlich', f: 'weiblich', d: 'divers' },
    choose: 'Bitte wählen',
    asapOptIn: 'Benachrichtigen Sie mich, wenn ein früherer Termin frei wird.',
    asapHint: 'Sie erhalten dann eine E-Mail und können den Termin vorverlegen.',
    serverErrors: 'Bitte prüfen Sie Ihre Angaben:',
    submit: 'Weiter',
  },
  booking: {
    summary: 'Ihre Auswahl',
    appointment: 'Termin',
    when: 'Datum und Uhrzeit',
    where: 'Ort',
    videoWhere: 'Online per Video',
    insurance: 'Versicherung',
    confirm: 'Termin verbindlich buchen',
    submitting: 'Wird gebucht …',
    binding: 'Mit „Termin verbindlich buchen“ reservieren Sie diesen Termin fest für sich.',
    bookingLimited:
      'Zu viele Buchungen in kurzer Zeit, daher ist die Online-Buchung vorerst pausiert. Bitte rufen Sie die Praxis an, um diesen Termin zu buchen.',
  },
  confirmation: {
    heading: 'Ihr Termin ist gebucht',
    thanks: 'Vielen Dank! Wir freuen uns auf Sie.',
    emailNote: 'Die Bestätigung erhalten Sie auch per E-Mail.',
    addToCalendar: 'Zum Kalender hinzufügen',
    bookAnother: 'Weiteren Termin buchen',
    calendarTitle: (type, institution) => (institution ? `${type} – ${institution}` : type),
    neutralTitle: (institution) => (institution ? `Arzttermin – ${institution}` : 'Arzttermin'),
    nextHeading: 'Wie geht es weiter?',
    bring:
      'Bitte bringen Sie Ihre Versichertenkarte mit, und falls vorhanden eine Überweisung und Vorbefunde.',
    change:
      'Sie möchten den Termin verschieben oder absagen? Bitte rufen Sie die Praxis an, spätestens 24 Stunden vorher.',
    videoHow:
      'Den Link zur Videosprechstunde erhalten Sie per E-Mail. Sie brauchen ein Gerät mit Kamera und Mikrofon.',
    directions: 'Anfahrt planen',
    googleCalendar: 'Google Kalender',
    outlookCalendar: 'Outlook-Kalender',
  },
};
