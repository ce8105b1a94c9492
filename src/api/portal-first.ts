/**
 * The first step's endpoints: the insurances, and the institutions for the clinic's time zone.
 * They are in the main bundle; the rest of the catalogue (`portal-catalogue.ts`) comes with the
 * booking flow's chunk.
 */
import { decodeInstitution, decodeInsurance } from './decode-first.js';
import type { HttpClient } from './http.js';
import { listAll } from './portal-util.js';
import type { Institution, Insurance } from './types.js';

export interface FirstStepPortal {
  insurances(signal: AbortSignal): Promise<Insurance[]>;
  institutions(signal: AbortSignal): Promise<Institution[]>;
}

export function firstStepEndpoints(http: HttpClient): FirstStepPortal {
  return {
    insurances: (signal) => listAll(http, '/insurances', {}, decodeInsurance, signal),
    institutions: (signal) => listAll(http, '/institutions', {}, decodeInstitution, signal),
  };
}
