/**
 * Checks the host page's preselection (`insurance-id`, `appointment-category-id`,
 * `appointment-type-id`) against the portal's catalogue. What does not fit is dropped, from the
 * first misfit on, and reported, so the patient chooses by hand instead of facing a dead end.
 */
import { ApiError, ERROR_CODES, misconfigured } from '../api/errors.js';
import type { Preset } from './machine.js';
import { toApiError } from './resources.js';
import type { StepData } from './step-data.js';

export interface PresetCheck {
  valid: Preset;
  error?: ApiError;
  /** The error was reported already (by the load that met it): show it, do not report it again. */
  reported?: boolean;
}

export async function validatePreset(data: StepData, preset: Preset): Promise<PresetCheck> {
  let { insuranceId, categoryId, typeId } = preset;
  // Named by its attribute: the host page's author set it (booking-error's `setting`).
  const misfit = (attribute: string) =>
    misconfigured(new ApiError(`unknown ${attribute}`, ERROR_CODES.notFound, 404), attribute);
  // An unknown type given alone: what fits before it still stands; its load has reported it.
  let early: PresetCheck = { valid: {} };
  try {
    // A type alone names its category; fetch it so the category step can be skipped too.
    if (typeId && !categoryId) {
      try {
        categoryId = (await data.ready.type(typeId)).categoryId;
      } catch (e) {
        if (toApiError(e).code !== ERROR_CODES.notFound) throw e;
        typeId = undefined;
        early = { valid: {}, error: misfit('appointment-type-id'), reported: true };
      }
    }
    const fits = (valid: Preset): PresetCheck => ({ ...early, valid });
    const insurances = await data.ready.insurances();
    // The practice's only insurance needs no question: a preselected type then skips the first screen.
    if (!insuranceId && typeId && insurances.length === 1) insuranceId = insurances[0].id;
    if (!insuranceId) return fits(compact({ categoryId, typeId }));

    if (!insurances.some((i) => i.id === insuranceId))
      return { valid: {}, error: misfit('insurance-id') };
    if (!categoryId) return fits({ insuranceId });

    const categories = await data.ready.categories(insuranceId);
    if (!categories.some((c) => c.id === categoryId)) {
      return { valid: { insuranceId }, error: misfit('appointment-category-id') };
    }
    if (!typeId) return fits({ insuranceId, categoryId });

    const types = await data.ready.types(insuranceId);
    if (!types.some((t) => t.id === typeId && t.categoryId === categoryId)) {
      return { valid: { insuranceId, categoryId }, error: misfit('appointment-type-id') };
    }
    return { valid: { insuranceId, categoryId, typeId } };
  } catch {
    // Any other failure is the portal's, already reported by the load itself: start at the
    // beginning, whose step shows it with a retry.
    return { valid: {} };
  }
}

function compact(preset: Preset): Preset {
  const out: Preset = {};
  if (preset.categoryId) out.categoryId = preset.categoryId;
  if (preset.typeId) out.typeId = preset.typeId;
  return out;
}
