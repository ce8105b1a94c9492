/** The two fictitious portal users. Ids come from the seeded PRNG, so they are stable per seed. */
import type { Patient } from '../model.js';
import type { Rng } from '../prng.js';

export const DEMO_EMAIL = 'patient@example.com';
export const OTHER_EMAIL = 'other@example.com';
export const DEMO_PASSWORD = 'sandbox';

export function createPatients(rng: Rng): Patient[] {
  return [
    {
      id: rng.uuid(),
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      givenName: 'Erika',
      familyName: 'Mustermann',
      birthdate: '1984-08-12',
      phone: '+49 30 23125 481',
      mobile: '+49 30 23125 482',
      gender: 'f',
      genderClaim: 'female',
      address: {
        street_address: 'Heidestraße 17',
        locality: 'Berlin',
        postal_code: '10557',
        country: 'DE',
      },
      insuranceId: 136,
    },
    {
      id: rng.uuid(),
      email: OTHER_EMAIL,
      password: DEMO_PASSWORD,
      givenName: 'Jonas',
      familyName: 'Beispiel',
      birthdate: '1979-02-03',
      phone: '+49 30 23125 491',
      mobile: '+49 30 23125 492',
      gender: 'm',
      genderClaim: 'male',
      address: {
        street_address: 'Musterweg 4',
        locality: 'Berlin',
        postal_code: '12043',
        country: 'DE',
      },
      insuranceId: 201,
    },
  ];
}

export function findPatientByEmail(
  patients: readonly Patient[],
  email: string,
): Patient | undefined {
  const wanted = email.trim().toLowerCase();
  return patients.find((p) => p.email === wanted);
}
