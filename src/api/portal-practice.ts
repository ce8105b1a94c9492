/**
 * The practice's basics, which the first step needs: the insurances it takes, and its institution
 * (the time zone). The rest of the catalogue is `portal-catalogue.ts`.
 */
import { decodeInstitution, decodeInsurance } from './decode-practice.js';
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
