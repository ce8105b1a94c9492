/** Bearer-token lookup for the API and userinfo: opaque tokens found in oidc-provider's storage. */
import type Provider from 'oidc-provider';

export interface TokenInfo {
  clientId: string;
  /** The patient for authorization_code tokens; null for client_credentials (guest) tokens. */
  accountId: string | null;
  scopes: ReadonlySet<string>;
}

/** The token of an `Authorization: Bearer …` header, or null when missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match ? match[1] : null;
}

export async function findToken(
  provider: Provider,
  value: string | null,
): Promise<TokenInfo | null> {
  if (!value) return null;
  const access = await provider.AccessToken.find(value);
  if (access && !access.isExpired) {
    if (!access.grantId || !access.accountId || !(await provider.Grant.find(access.grantId)))
      return null;
    return {
      clientId: access.clientId,
      accountId: access.accountId,
      scopes: new Set(access.scope?.split(' ') ?? []),
    };
  }
  const guest = await provider.ClientCredentials.find(value);
  if (guest && !guest.isExpired) {
    return {
      clientId: guest.clientId,
      accountId: null,
      scopes: new Set(guest.scope?.split(' ') ?? []),
    };
  }
  return null;
}
