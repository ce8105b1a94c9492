/**
 * The booking flow's screens and states: what the root needs to render a step and the progress.
 * The transitions between them are `machine.ts`.
 *
 * Three screens: `type` ("What do you need?": the insurance, where it has to be asked, and the
 * appointment types under their categories), `time`, and `details` (the summary, the form and the
 * booking button), then the confirmation. Every state carries every choice made so far, so BACK and
 * "Change" keep what still fits.
 */
import type { PatientData } from '../api/types.js';

export const STEPS = ['type', 'time', 'details', 'confirmed'] as const;
export type Step = (typeof STEPS)[number];

/** Steps the host page may preselect (and so skip) by attribute. */
export interface Preset {
  insuranceId?: string;
  categoryId?: string;
  typeId?: string;
}

export interface Base {
  preset: Preset;
}

/** A type is chosen: the insurance, its category and the type itself. */
export interface Picked extends Base {
  insuranceId: string;
  categoryId: string;
  typeId: string;
}

export interface Slotted extends Picked {
  availabilityId: string;
}

export const SUBMISSION_STATUS = { sending: 'sending', failed: 'failed' } as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[keyof typeof SUBMISSION_STATUS];

/** One booking attempt: what was sent, and its key, reused for every retry of the same data. */
export interface Submission {
  idempotencyKey: string;
  status: SubmissionStatus;
  patient: PatientData;
  asapOptIn: boolean;
}

/** The first screen. Choices made before are kept (shown as chosen) until they no longer fit. */
export type TypeState = Base & {
  step: 'type';
  insuranceId?: string;
  /** The category of the chosen type, or the category filter where the list is long. */
  categoryId?: string;
  typeId?: string;
  availabilityId?: string;
  /** "Change" on the details step led here: the same type again returns there. */
  returnTo?: 'details';
};

export type BookingState =
  | TypeState
  /**
   * `slotTaken`: the slot chosen before was taken at submit; the user picks another.
   * `availabilityId`: the time chosen before (BACK or "Change" from the details), shown as chosen.
   */
  | (Picked & { step: 'time'; slotTaken: boolean; availabilityId?: string })
  | (Slotted & { step: 'details'; submission: Submission | null })
  | (Slotted & { step: 'confirmed'; appointmentId: string });

export function initialState(preset: Preset = {}): BookingState {
  return fromPreset(preset);
}

/** The first screen, or the time when the host preselected the insurance and the type. */
export function fromPreset(preset: Preset): BookingState {
  const { insuranceId, categoryId, typeId } = preset;
  if (insuranceId && categoryId && typeId) {
    return { step: 'time', preset, insuranceId, categoryId, typeId, slotTaken: false };
  }
  return { step: 'type', preset, ...preset };
}

/** Steps the summary's "Change" buttons (and BACK) lead to. */
export type EditableStep = 'type' | 'time';

/** A step is skipped when the host preselected its answers. */
export function isSkipped(step: Step, preset: Preset): boolean {
  if (step === 'type') return !!(preset.insuranceId && preset.categoryId && preset.typeId);
  return false;
}

/** The steps in order. */
export const ORDER: readonly Step[] = STEPS;

/** The step BACK leads to, or null when there is none (first step, or all earlier ones skipped). */
export function previousStep(state: BookingState): EditableStep | null {
  if (state.step === 'time') return isSkipped('type', state.preset) ? null : 'type';
  if (state.step === 'details') return 'time';
  return null;
}
