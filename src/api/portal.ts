/**
 * The portal API as typed functions, one per endpoint; components and the controller use these,
 * never `http.ts` or raw JSON. Lists are read to their last page; every call takes an AbortSignal.
 */
import type { HttpClient } from './http.js';
import { catalogueEndpoints } from './portal-catalogue.js';
import type { CataloguePortal } from './portal-catalogue.js';
import { patientEndpoints } from './portal-patient.js';
import type { PatientPortal } from './portal-patient.js';

export type {
  AvailabilityQuery,
  BookingInput,
  CataloguePortal,
  FirstAvailable,
  FirstAvailableQuery,
} from './portal-catalogue.js';
export type { AppointmentFilter, PatientPortal, RescheduleInput } from './portal-patient.js';
export { newIdempotencyKey } from './idempotency.js';

export type Portal = CataloguePortal & PatientPortal;

export interface PortalOptions {
  /** OIDC userinfo endpoint; default: the API's origin + `/oauth/userinfo`. */
  userinfoUrl?: string;
}

export function createPortal(http: HttpClient, options: PortalOptions = {}): Portal {
  return { ...catalogueEndpoints(http), ...patientEndpoints(http, options) };
}
