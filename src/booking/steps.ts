/**
 * The booking flow's steps and states: what the root needs to render a step and the progress.
 * The transitions between them are `machine.ts`.
 */
import type { PatientData } from '../api/types.js';

export const STEPS = [
  'insurance',
  'category',
  'type',
  'time',
  'details',
  'review',
  'confirmed',
] as const;
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
interface Insured extends Base {
  insuranceId: string;
}
interface Categorised extends Insured {
  categoryId: string;
}
interface Typed extends Categorised {
  typeId: string;
}
export interface Slotted extends Typed {
  availabilityId: string;
}

export const SUBMISSION_STATUS = { sending: 'sending', failed: 'failed' } as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[keyof typeof SUBMISSION_STATUS];

/** One booking attempt; its key is reused for every retry of the same submission. */
export interface Submission {
  idempotencyKey: string;
  status: SubmissionStatus;
}

export type BookingState =
  | (Base & { step: 'insurance' })
  | (Insured & { step: 'category' })
  | (Categorised & { step: 'type' })
  /** `slotTaken`: the slot chosen before was taken at submit; the user picks another. */
  | (Typed & { step: 'time'; slotTaken: boolean })
  | (Slotted & { step: 'details' })
  | (Slotted & {
      step: 'review';
      patient: PatientData;
      asapOptIn: boolean;
      submission: Submission | null;
    })
  | (Slotted & { step: 'confirmed'; appointmentId: string });

export function initialState(preset: Preset = {}): BookingState {
  return fromPreset(preset);
}

/** The furthest step the preset reaches; a category or type without the insurance cannot skip. */
export function fromPreset(preset: Preset): BookingState {
  if (!preset.insuranceId) return { step: 'insurance', preset };
  return afterInsurance(preset, preset.insuranceId);
}

export function afterInsurance(preset: Preset, insuranceId: string): BookingState {
  if (!preset.categoryId) return { step: 'category', preset, insuranceId };
  return afterCategory(preset, insuranceId, preset.categoryId);
}

export function afterCategory(
  preset: Preset,
  insuranceId: string,
  categoryId: string,
): BookingState {
  if (!preset.typeId) return { step: 'type', preset, insuranceId, categoryId };
  return { step: 'time', preset, insuranceId, categoryId, typeId: preset.typeId, slotTaken: false };
}

/** Steps the review's "change" buttons (and BACK) lead to. */
export type EditableStep = 'insurance' | 'category' | 'type' | 'time' | 'details';

/** A step is skipped when the host preselected its answer. */
export function isSkipped(step: Step, preset: Preset): boolean {
  if (step === 'insurance') return preset.insuranceId !== undefined;
  if (step === 'category')
    return preset.insuranceId !== undefined && preset.categoryId !== undefined;
  if (step === 'type') return isSkipped('category', preset) && preset.typeId !== undefined;
  return false;
}

/** The steps in order. */
export const ORDER: readonly Step[] = STEPS;

/** The step BACK leads to, or null when there is none (first step, or all earlier ones skipped). */
export function previousStep(state: BookingState): EditableStep | null {
  if (state.step === 'confirmed') return null;
  for (let i = ORDER.indexOf(state.step) - 1; i >= 0; i--) {
    const step = ORDER[i] as EditableStep;
    if (!isSkipped(step, state.preset)) return step;
  }
  return null;
}
