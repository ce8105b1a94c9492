/** Which patient fields the details form asks for, and how (control, autofill, limits). */
import type { PatientField } from '../../api/types.js';

/** `date`: a text field for a date of birth (day, month, year), read by `time/birth-date.ts`. */
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
  /** Further fields the value is sent under (one phone input for a type that requires both). */
  sentAlsoAs?: PatientField[];
}

/** What the form knows besides the type's required fields. */
export interface FieldContext {
  /** The insurance chosen in the first step has a name: the form does not ask it again. */
  insuranceKnown: boolean;
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
  born_on: { kind: 'date', autocomplete: 'bday', maxLength: 10 },
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

/**
 * The one phone field: the mobile number (a practice can text it), unless the type requires
 * only the landline number. A type that requires both gets one input sent under both names: a
 * patient has one number to be reached at, and asking twice was the form's longest detour.
 */
function phoneField(need: ReadonlySet<PatientField>): Pick<FieldSpec, 'name' | 'sentAlsoAs'> {
  if (need.has('phone') && !need.has('mobile')) return { name: 'phone' };
  return need.has('phone') ? { name: 'mobile', sentAlsoAs: ['phone'] } : { name: 'mobile' };
}

/**
 * The fields to show for a type's required fields: the names and email always (required), one
 * phone field always (optional unless required), the insurance only when required and not known
 * from the first step, everything else only when required. `accepts_email` is a consent checkbox
 * and never forced.
 */
export function fieldsFor(
  required: readonly PatientField[],
  context: FieldContext = { insuranceKnown: false },
): FieldSpec[] {
  const need = new Set<PatientField>([...required, ...ALWAYS_REQUIRED]);
  const phone = phoneField(need);
  const shown = (name: PatientField) => {
    if (name === 'phone' || name === 'mobile') return name === phone.name;
    if (name === 'insurance') return need.has(name) && !context.insuranceKnown;
    return need.has(name);
  };
  return SPECS.filter((s) => shown(s.name)).map((s) => {
    const isPhone = s.name === phone.name;
    const needed = isPhone ? need.has('phone') || need.has('mobile') : need.has(s.name);
    return {
      ...s,
      required: needed && s.kind !== 'checkbox',
      ...(isPhone && phone.sentAlsoAs ? { sentAlsoAs: phone.sentAlsoAs } : {}),
    };
  });
}
