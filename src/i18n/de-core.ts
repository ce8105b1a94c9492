import type { CoreMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

const retry = 'Erneut versuchen';
const book = 'Termin buchen';

/**
 * German catalogue (friendly, short, formal "Sie"), the part the first step needs: loaded on its own,
 * beside the guest token. The rest comes with the later steps and the account (`de.ts`).
 */
export const deCore: CoreMessages = {
  widget: {
    title: book,
    stepOf: (n, total) => `Schritt ${n} von ${total}`,
    stepAnnouncement: (stepName) => `Nächster Schritt: ${stepName}`,
    callPractice: 'Telefon:',
  },
  steps: {
    type: 'Terminart',
    time: 'Datum und Uhrzeit',
    details: 'Ihre Angaben',
    confirmed: 'Gebucht',
  },
  common: {
    back: 'Zurück',
    retry,
    loading: 'Wird geladen …',
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
    bad_response:
      'Die Antwort der Praxis war unerwartet. Bitte versuchen Sie es erneut oder rufen Sie die Praxis an.',
    server:
      'Bei der Praxis ist gerade ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    config:
      'Dieses Buchungsformular ist nicht richtig eingerichtet. Bitte rufen Sie die Praxis an.',
    backend:
      'Die Online-Buchung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder rufen Sie die Praxis an.',
    unknown: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  insurance: {
    need: 'Was benötigen Sie?',
    hint: 'Bitte wählen Sie zuerst Ihre Versicherung.',
    heading: 'Wie sind Sie versichert?',
    empty: 'Für diese Praxis sind keine Versicherungen hinterlegt. Bitte rufen Sie die Praxis an.',
  },
  login: {
    signIn: 'Anmelden',
    signInPrompt: 'Bereits in dieser Praxis in Behandlung?',
    signingIn: 'Anmeldung läuft …',
    signingInHint: 'Bitte schließen Sie die Anmeldung im neuen Fenster ab.',
    tryAgain: retry,
    signInToBook: 'Bitte melden Sie sich an, um einen Termin zu buchen.',
  },
};
