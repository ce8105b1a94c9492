/**
 * The patient login's part of the backend's configuration (`api/backend-config.ts` passes it on
 * as it came), decoded in the sign-in chunk: a part missing means no login.
 */
export interface LoginConfig {
  /** The portal (OIDC issuer); the popup navigates to its authorization endpoint. */
  issuer: string;
  authorizationEndpoint: string;
  clientId: string;
  /** Registered callback pages; the widget uses the one beside its own files. */
  redirectUris: string[];
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

export function decodeLoginConfig(login: object): LoginConfig | null {
  const v = login as Record<string, unknown>;
  const issuer = text(v.issuer);
  const authorizationEndpoint = text(v.authorizationEndpoint);
  const clientId = text(v.clientId);
  const uris = Array.isArray(v.redirectUris) ? v.redirectUris.filter((u) => text(u)) : [];
  if (!issuer || !authorizationEndpoint || !clientId || uris.length === 0) return null;
  return { issuer, authorizationEndpoint, clientId, redirectUris: uris as string[] };
}
