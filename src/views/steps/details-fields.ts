import type { PatientField } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';

export type FieldKind = 'text' | 'email' | 'tel' | 'date' | 'select' | 'checkbox';

/** How one patient field is asked for. */
export interface FieldSpec {
  name: PatientField;
  kind: FieldKind;
  autocomplete: string;
  required: boolean;
  maxLength?: number;
  /** A native `pattern` (the browser compiles it with the `v` flag: escape `( ) / -` in classes). */
  pattern?: string;
}

/** Digits, spaces, `+ ( ) / - .`; 5 to 30 characters (anchored by the browser). */
const PHONE_PATTERN = '\\+?[0-9 \\(\\)\\/\\-.]{5,30}';

type Spec = Omit<FieldSpec, 'required' | 'name'>;

/**
 * How each patient field is asked for, in form order; `autocomplete` tokens per the HTML autofill
 * spec. Keyed by every field the portal knows, so a new one cannot be left out.
 */
const SPEC_OF = {
  title: { kind: 'text', autocomplete: 'honorific-prefix', maxLength: 40 },
  first_name: { kind: 'text', autocomplete: 'given-name', maxLength: 100 },
  last_name: { kind: 'text', autocomplete: 'family-name', maxLength: 100 },
  gender: { kind: 'select', autocomplete: 'sex' },
  born_on: { kind: 'date', autocomplete: 'bday' },
  email: {
    kind: 'email',
    autocomplete: 'email',
    maxLength: 254,
    pattern: '[^@\\s]+@[^@\\s]+\\.[^@\\s]+',
  },
  phone: { kind: 'tel', autocomplete: 'tel', maxLength: 30, pattern: PHONE_PATTERN },
  mobile: { kind: 'tel', autocomplete: 'mobile tel', maxLength: 30, pattern: PHONE_PATTERN },
  insurance: { kind: 'text', autocomplete: 'off', maxLength: 100 },
  accepts_email: { kind: 'checkbox', autocomplete: 'off' },
} satisfies Record<PatientField, Spec>;

const SPECS = (Object.entries(SPEC_OF) as [PatientField, Spec][]).map(([name, spec]) => ({
  name,
  ...spec,
}));

/** Always asked for; `email` and the names are always required. */
const ALWAYS_REQUIRED: readonly PatientField[] = ['first_name', 'last_name', 'email'];
/** Offered as optional when the type does not require them. */
const ALWAYS_OFFERED: readonly PatientField[] = ['phone', 'mobile'];

/**
 * The fields to show for a type's required fields: the names and email always (required),
 * phone and mobile always (optional unless required), everything else only when required.
 * `accepts_email` is a consent checkbox and never forced.
 */
export function fieldsFor(required: readonly PatientField[]): FieldSpec[] {
  const need = new Set<PatientField>([...required, ...ALWAYS_REQUIRED]);
  return SPECS.filter((s) => need.has(s.name) || ALWAYS_OFFERED.includes(s.name)).map((s) => ({
    ...s,
    required: need.has(s.name) && s.kind !== 'checkbox',
  }));
}

/**
 * A portal's message for a field ("can't be blank", "is invalid") in the patient's language, where
 * it is one of the usual ones; any other is shown as the portal wrote it.
 */
export function portalFieldMessage(t: Messages, name: PatientField, message: string): string {
  const d = t.details;
  if (/blank|required|missing|empty/i.test(message)) return d.required[name] ?? d.invalid.other;
  if (/too long/i.test(message)) return d.invalid.tooLong;
  if (/invalid|format|not valid/i.test(message)) {
    if (name === 'email') return d.invalid.email;
    if (name === 'phone' || name === 'mobile') return d.invalid.phone;
    if (name === 'born_on') return d.invalid.bornOnInvalid;
    return d.invalid.other;
  }
  return message;
}

/** The localized message for an invalid control, from its validity state ('' when valid). */
export function validityMessage(t: Messages, name: PatientField, validity: ValidityState): string {
  const d = t.details;
  if (validity.valid) return '';
  if (validity.valueMissing) return d.required[name];
  if (name === 'born_on') {
    return validity.rangeOverflow ? d.invalid.bornOnFuture : d.invalid.bornOnInvalid;
  }
  if (name === 'email' && (validity.typeMismatch || validity.patternMismatch)) {
    return d.invalid.email;
  }
  if ((name === 'phone' || name === 'mobile') && validity.patternMismatch) return d.invalid.phone;
  if (validity.tooLong) return d.invalid.tooLong;
  return d.invalid.other;
}
