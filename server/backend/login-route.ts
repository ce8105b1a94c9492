/**
 * `POST /oauth/token`: the confidential-client token exchange for the patient login. The browser's
 * oidc-client-ts sends an ordinary token request here instead of to the portal; this route checks
 * it, adds the client secret and relays the portal's answer (`portal-login.ts`).
 */
import { PortalError, errorReply, jsonReply } from './errors.js';
import type { Reply } from './exchange.js';
import type { PortalLoginOptions } from './portal-login.js';
import { relayTokenRequest } from './portal-login.js';
import type { Route } from './route.js';

export interface LoginRouteOptions extends PortalLoginOptions {
  /** Exact redirect URIs an `authorization_code` (or any `redirect_uri`) must use. */
  redirectUris: readonly string[];
}

/** Per grant: the parameters that must be present, and those forwarded to the portal. */
const GRANTS = {
  authorization_code: {
    required: ['code', 'redirect_uri', 'code_verifier'],
    forwarded: ['code', 'redirect_uri', 'code_verifier'],
  },
  refresh_token: { required: ['refresh_token'], forwarded: ['refresh_token', 'scope'] },
} as const;
type LoginGrant = keyof typeof GRANTS;

const isLoginGrant = (grant: string): grant is LoginGrant => Object.hasOwn(GRANTS, grant);

/** An RFC 6749 §5.2 error response. */
function oauthError(error: string, description: string): Reply {
  return jsonReply(400, { error, error_description: description }, { Pragma: 'no-cache' });
}

/** The form parameters, or `undefined` when the body is not UTF-8 or repeats a parameter. */
function parseForm(body: Uint8Array): URLSearchParams | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(text);
  const names = [...params.keys()];
  return new Set(names).size === names.length ? params : undefined;
}

export function loginRoute(options: LoginRouteOptions): Route {
  return {
    methods: ['POST'],
    maxBodyBytes: 4096,
    allowHeaders: 'Content-Type',
    budget: 'login',
    async handle({ request, body, note }) {
      const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') {
        return oauthError('invalid_request', 'Send an application/x-www-form-urlencoded body.');
      }
      const params = parseForm(body);
      if (!params) return oauthError('invalid_request', 'The body is malformed.');
      const grant = params.get('grant_type');
      if (!grant) return oauthError('invalid_request', 'grant_type is missing.');
      if (!isLoginGrant(grant)) {
        note('grant', 'other');
        const only = 'Only authorization_code and refresh_token are accepted here.';
        return oauthError('unsupported_grant_type', only);
      }
      note('grant', grant);
      const clientId = params.get('client_id');
      if (clientId !== null && clientId !== options.clientId) {
        return oauthError('invalid_client', 'This client_id is not served here.');
      }
      const missing = GRANTS[grant].required.find((name) => !params.get(name));
      if (missing) return oauthError('invalid_request', `${missing} is missing.`);
      const redirectUri = params.get('redirect_uri');
      if (redirectUri !== null && !options.redirectUris.includes(redirectUri)) {
        return oauthError('invalid_request', 'redirect_uri is not registered here.');
      }
      const form = new URLSearchParams({ grant_type: grant });
      for (const name of GRANTS[grant].forwarded) {
        const value = params.get(name);
        if (value !== null) form.set(name, value);
      }
      try {
        const answer = await relayTokenRequest(options, form);
        note('upstream', String(answer.status));
        return answer;
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        note('portal', error.reason);
        return errorReply(502, error.code, error.message);
      }
    },
  };
}
