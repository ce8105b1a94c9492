/**
 * What a signed-in patient's earlier bookings tell a new one: their insurance (the newest
 * appointment's `insurance_id`, where the portal gives one) and the preselection of a booking of
 * an appointment's type again.
 */
import type { PatientPortal } from '../api/portal.js';
import type { Appointment } from '../api/types.js';
import type { Preset } from '../booking/steps.js';

/** The newest past appointment's insurance, else the next upcoming one's; undefined for none. */
export async function rememberedInsurance(
  api: Pick<PatientPortal, 'appointments'>,
  signal: AbortSignal,
): Promise<string | undefined> {
  for (const status of ['past', 'upcoming'] as const) {
    const page = await api.appointments({ status, page: 1, perPage: 10 }, signal);
    const found = page.items.find((a) => a.insuranceId);
    if (found) return found.insuranceId;
  }
  return undefined;
}

/**
 * "Book this again": the appointment's type, its category and insurance (or the remembered one);
 * the booking flow checks them against the catalogue and asks for what no longer fits.
 */
export function bookAgainPreset(a: Appointment, insuranceId: string | undefined): Preset {
  const insurance = a.insuranceId ?? insuranceId;
  return {
    typeId: a.type.id,
    ...(a.category ? { categoryId: a.category.id } : {}),
    ...(insurance ? { insuranceId: insurance } : {}),
  };
}
