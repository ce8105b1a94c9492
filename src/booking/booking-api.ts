/** What the booking flow needs from the portal: the subset of `api/portal.ts` it calls. */
import type {
  Appointment,
  AppointmentType,
  Availability,
  Category,
  Institution,
  Insurance,
  Location,
  PatientData,
} from '../api/types.js';

export interface FirstAvailableResult {
  availability: Availability | null;
  searchedUntil: string;
}

export interface BookInput {
  availabilityId: string;
  patient: PatientData;
  asapEmail?: string;
  idempotencyKey: string;
}

export interface BookingApi {
  insurances(signal: AbortSignal): Promise<Insurance[]>;
  institutions(signal: AbortSignal): Promise<Institution[]>;
  locations(signal: AbortSignal): Promise<Location[]>;
  categories(query: { insuranceId: string }, signal: AbortSignal): Promise<Category[]>;
  types(
    query: { categoryId: string; insuranceId: string },
    signal: AbortSignal,
  ): Promise<AppointmentType[]>;
  type(id: string, signal: AbortSignal): Promise<AppointmentType>;
  availabilities(
    typeId: string,
    query: { categoryId: string; insuranceId: string; from: string; to: string },
    signal: AbortSignal,
  ): Promise<Availability[]>;
  firstAvailable(
    typeId: string,
    query: { categoryId: string; insuranceId: string; from: string; maxDays?: number },
    signal: AbortSignal,
  ): Promise<FirstAvailableResult>;
  book(input: BookInput, signal: AbortSignal): Promise<Appointment>;
}
