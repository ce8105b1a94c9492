/**
 * oidc-provider setup: OAuth 2.0 / OIDC with code + PKCE, refresh and client_credentials, opaque
 * access tokens for the patient API resource (scopes basic, profile_read, appointment_read,
 * appointment_write). Everything under /oauth/…; the login and consent pages live in interactions.ts.
 */
import { randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC, OidcClient } from 'oidc-provider';
import type { SandboxConfig } from './config.js';
import { isPlainObject } from './http-utils.js';
import { logoutPage, messagePage } from './login-pages.js';
import type { MemoryStore } from './oidc-adapter.js';
import type { SandboxState } from './state.js';
import { signingKey } from './keys.js';
import { tokenResponseDecorator } from './token-compat.js';
import { API_SCOPES, apiResource, clients } from './oidc-clients.js';

export interface OidcOptions {
  issuer: string;
  /** Live settings (tokenTtl may change at runtime). */
  config: SandboxConfig;
  state: SandboxState;
  store: MemoryStore;
  isAllowedOrigin: (origin: string) => boolean;
  onError: (where: string, err: unknown) => void;
}

export async function createProvider(options: OidcOptions): Promise<Provider> {
  const { issuer, config, state, store } = options;
  const resource = apiResource(issuer);
  const tokenTtl = (): number => config.tokenTtl;

  const configuration: Configuration = {
    adapter: (name: string) => store.adapterFor(name),
    clients: clients(config),
    jwks: { keys: [await signingKey()] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'offline_access'],
    claims: { openid: ['sub'] },
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => options.isAllowedOrigin(origin),
    routes: {
      authorization: '/oauth/authorize',
      token: '/oauth/token',
      userinfo: '/oauth/userinfo',
      jwks: '/oauth/jwks',
      revocation: '/oauth/revoke',
      introspection: '/oauth/introspect',
      end_session: '/oauth/logout',
      pushed_authorization_request: '/oauth/par',
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: sameClient },
      revocation: { enabled: true, allowedPolicy: sameClient },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = messagePage('Signed out', 'You have been signed out of the patient portal.');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: KoaContextWithOIDC, indicator: string) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPES.join(' '),
            audience: resource,
            accessTokenFormat: 'opaque',
            accessTokenTTL: tokenTtl(),
          };
        },
      },
    },
    interactions: {
      url: async (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const patient = state.patientById(sub);
      return patient
        ? { accountId: patient.id, claims: async () => ({ sub: patient.id }) }
        : undefined;
    },
    issueRefreshToken: async (_ctx: KoaContextWithOIDC, client: OidcClient) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: tokenTtl,
      ClientCredentials: tokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError: async (ctx: KoaContextWithOIDC, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = messagePage(
        'Something went wrong',
        out.error_description ?? out.error ?? 'Unknown error',
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/.well-known/openid-configuration' && isPlainObject(ctx.body)) {
      const scopes = Array.isArray(ctx.body.scopes_supported) ? ctx.body.scopes_supported : [];
      ctx.body.scopes_supported = [...new Set([...scopes, ...API_SCOPES])];
    }
  });
  provider.use(tokenResponseDecorator);
  provider.on('server_error', (_ctx: unknown, err: unknown) =>
    options.onError('oidc-provider', err),
  );
  return provider;
}

async function sameClient(
  _ctx: unknown,
  client: OidcClient,
  token: { clientId: string },
): Promise<boolean> {
  return token.clientId === client.clientId;
}
