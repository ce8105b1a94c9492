import type { CoreMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

const retry = 'Try again';
const book = 'Book an appointment';

/**
 * English catalogue (friendly and short), the part the first step needs: loaded on its own,
 * beside the guest token. The rest comes with the later steps and the account (`en.ts`).
 */
export const enCore: CoreMessages = {
  widget: {
    title: book,
    stepOf: (n, total) => `Step ${n} of ${total}`,
    stepAnnouncement: (stepName) => `Next step: ${stepName}`,
    callPractice: 'Phone:',
  },
  steps: {
    type: 'Appointment type',
    time: 'Date and time',
    details: 'Your details',
    confirmed: 'Booked',
  },
  common: {
    back: 'Back',
    retry,
    loading: 'Loading …',
  },
  errors: {
    network: 'No connection. Please check your internet connection and try again.',
    timeout: 'The practice is not responding right now. Please try again in a moment.',
    rate_limited: 'There are a lot of requests right now. Please try again in a minute.',
    retryIn: (s) =>
      `Lots of requests right now – we will try again automatically in ${s} ${plural(s, 'second', 'seconds')}.`,
    unauthorized: 'Your session has expired. Please try again.',
    forbidden: 'You are not allowed to do this. Please sign in or call the practice.',
    not_found: 'This option is no longer available. Please choose again.',
    bad_response: 'The practice sent an unexpected answer. Please try again or call the practice.',
    server: 'Something went wrong at the practice. Please try again in a few minutes.',
    config: 'This booking form is not set up correctly. Please call the practice.',
    backend:
      'Online booking is not available right now. Please try again later or call the practice.',
    unknown: 'Something went wrong. Please try again.',
  },
  insurance: {
    need: 'What do you need?',
    hint: 'Please choose your insurance first.',
    heading: 'How are you insured?',
    empty: 'This practice has no insurances set up. Please call the practice.',
  },
  login: {
    signIn: 'Sign in',
    signInPrompt: 'Already a patient of this practice?',
    signingIn: 'Signing in …',
    signingInHint: 'Please complete the sign-in in the new window.',
    tryAgain: retry,
    signInToBook: 'Please sign in to book an appointment.',
  },
};
