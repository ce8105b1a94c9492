/** The API proxy's allow-list: guest endpoints only. Patient endpoints go straight to the portal. */

export const PROXY_PREFIX = '/api/patient/v1';

/** How a proxied endpoint is treated: cached long, cached seconds, or never cached. */
export type ProxyKind = 'catalogue' | 'availability' | 'booking';

/** Ids are numbers in the portal; anything outside this set (`%2F`, `..`) never matches. */
const ID = '[A-Za-z0-9_-]{1,64}';

const ALLOW_LIST: readonly (readonly [RegExp, ProxyKind])[] = [
  [/^\/insurances$/, 'catalogue'],
  [/^\/institutions$/, 'catalogue'],
  [new RegExp(`^/institutions/${ID}$`), 'catalogue'],
  [/^\/locations$/, 'catalogue'],
  [/^\/appointment_categories$/, 'catalogue'],
  [/^\/appointment_types$/, 'catalogue'],
  [new RegExp(`^/appointment_types/${ID}$`), 'catalogue'],
  [new RegExp(`^/appointment_types/${ID}/availabilities$`), 'availability'],
  [/^\/booking$/, 'booking'],
];

/** The kind of an allow-listed path below the prefix (`/insurances`), else `undefined`. */
export function proxyKind(subpath: string): ProxyKind | undefined {
  return ALLOW_LIST.find(([pattern]) => pattern.test(subpath))?.[1];
}
