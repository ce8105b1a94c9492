/** Small pieces shared by the endpoint modules (the patient data's are in `patient-data.ts`). */
import type { HttpClient } from './http.js';
import { list } from './envelope.js';
import type { Decoder } from './json.js';
import { PER_PAGE, collectPages } from './paging.js';

/** Ids are opaque (availability ids contain + / =): always encoded as one path segment. */
export const seg = (id: string) => encodeURIComponent(id);

/** Every page of a list endpoint (100 per page). */
export function listAll<T>(
  http: HttpClient,
  path: string,
  query: Record<string, string | undefined>,
  decoder: Decoder<T>,
  signal: AbortSignal,
): Promise<T[]> {
  const decode = list(decoder);
  return collectPages((page) =>
    http.request('GET', path, { query: { ...query, page, per_page: PER_PAGE }, signal, decode }),
  );
}
