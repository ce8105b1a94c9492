import type { StepMessages } from './messages.js';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** English catalogue, the later steps (time, details, review, confirmation). */
export const enSteps: StepMessages = {
  common: {
    change: 'Change',
    changeWhat: (what) => `Change: ${what}`,
    durationMinutes: (n) => `${n} min`,
    video: 'Video consultation',
    optional: 'optional',
  },
  category: {
    heading: 'What is it about?',
    empty: 'No appointments can be booked online right now. Please call the practice.',
  },
  type: {
    heading: 'Which appointment do you need?',
    empty:
      'No appointments can be booked online for this. Please choose another reason or call the practice.',
    locations: (n) => `${n} locations`,
  },
  errors: {
    availability_taken:
      'This time was just taken. Please choose another time – your details are kept.',
    validation: 'Please check your details and try again.',
    asap_not_enabled:
      'Notifications about earlier times are not offered for this appointment type. Please continue without them.',
  },
  time: {
    heading: 'When suits you?',
    daysLabel: (week) => `Choose a day, ${week}`,
    previousWeek: 'Previous week',
    nextWeek: 'Next week',
    noTimes: 'no free times',
    weekEmpty:
      'There are no free times this week. Go to the next week or choose “First free time”.',
    firstFree: 'First free time',
    firstFreeFound: (day) => `First free time: ${day}.`,
    chooseDate: 'Choose a date',
    dateLabel: 'Date',
    showDate: 'Show',
    dateOutOfRange: (from, to) => `Please choose a date from ${from} to ${to}.`,
    timesHeading: (day) => `Free times on ${day}`,
    timesCount: (n) => `${n} ${plural(n, 'time', 'times')}`,
    periods: { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' },
    moreTimes: (n) => `More times (${n})`,
    zoneNote: (zone, abbr) => `All times are in the practice's local time: ${zone} (${abbr}).`,
    location: 'Location',
    emptyRange: (from, to) => `No free times from ${from} to ${to}.`,
    findFirst: 'Find the first free time',
    searching: 'Looking for the first free time …',
    nextAvailable: (date) => `Next free time: ${date}`,
    noneAvailable: 'There are no free times in the next 6 months. Please call the practice.',
  },
  details: {
    heading: 'Your details',
    intro: 'So the practice can reach you and send you the confirmation.',
    labels: {
      title: 'Title',
      first_name: 'First name',
      last_name: 'Last name',
      gender: 'Gender',
      born_on: 'Date of birth',
      email: 'Email address',
      mobile: 'Mobile number',
      phone: 'Phone number',
      insurance: 'Health insurance',
      accepts_email: 'The practice may contact me by email.',
    },
    required: {
      title: 'Please enter your title.',
      first_name: 'Please enter your first name.',
      last_name: 'Please enter your last name.',
      gender: 'Please choose your gender.',
      born_on: 'Please enter your date of birth.',
      email: 'Please enter your email address.',
      mobile: 'Please enter your mobile number.',
      phone: 'Please enter your phone number.',
      insurance: 'Please enter your health insurance.',
      accepts_email: 'Please confirm email notifications.',
    },
    invalid: {
      email: 'Please enter a valid email address, like name@example.com.',
      phone: 'Please enter a valid phone number, like +49 30 1234567.',
      tooLong: 'This is too long.',
      other: 'Please check this entry.',
    },
    bornOn: {
      format: 'Please enter your date of birth as day, month and year, like 01.02.1980.',
      noSuchDay: 'This date does not exist. Please check the day and month.',
      future: 'Your date of birth cannot be in the future. Please check the year.',
      tooEarly: 'Please check the year: it must be 1900 or later.',
    },
    bornOnFormat: 'DD.MM.YYYY',
    bornOnHint: 'DD.MM.YYYY, e.g. 01.02.1980',
    note: {
      label: 'Note to the practice',
      hint: 'For example, anything the practice should know before the appointment.',
      left: (left, max) => `${left} of ${max} characters left`,
    },
    privacy: {
      notice: 'When you book, your details are sent to the practice.',
      link: 'Privacy notice',
      newWindow: '(opens in a new window)',
    },
    summary: (n) => `Please check ${n} entries:`,
    genders: { m: 'male', f: 'female', d: 'diverse' },
    choose: 'Please choose',
    asapOptIn: 'Let me know if an earlier time becomes free.',
    asapHint: 'You will get an email and can move your appointment forward.',
    serverErrors: 'Please check your details:',
    submit: 'Continue',
  },
  review: {
    heading: 'Please check your booking',
    appointment: 'Appointment',
    when: 'Date and time',
    where: 'Place',
    videoWhere: 'Online by video',
    insurance: 'Insurance',
    patient: 'Your details',
    confirm: 'Book now',
    submitting: 'Booking …',
    binding: 'With “Book now” this appointment is firmly reserved for you.',
    bookingLimited:
      'Too many bookings in a short time, so online booking is paused for now. Please call the practice to book this appointment.',
  },
  confirmation: {
    heading: 'Your appointment is booked',
    thanks: 'Thank you! We look forward to seeing you.',
    emailNote: 'You will also receive the confirmation by email.',
    addToCalendar: 'Add to calendar',
    bookAnother: 'Book another appointment',
    calendarTitle: (type, institution) => (institution ? `${type} – ${institution}` : type),
    neutralTitle: (institution) =>
      institution ? `Doctor's appointment – ${institution}` : "Doctor's appointment",
    nextHeading: 'What happens next',
    bring:
      'Please bring your health insurance card and, if you have them, a referral and earlier findings.',
    change: 'Need to move or cancel? Please call the practice at least 24 hours before.',
    videoHow:
      'You will get the link to the video consultation by email. You need a device with a camera and microphone.',
    directions: 'Get directions',
    googleCalendar: 'Google Calendar',
    outlookCalendar: 'Outlook calendar',
  },
};
