/**
 * oidc-client-ts failures → the widget's error codes (plain strings). Matches by `name` / `error` /
 * message rather than `instanceof`, so it is testable without the library.
 */
import type { ErrorCode } from '../api/errors.js';

/** RFC 6749 §5.2 (and backend) codes that mean "this login set-up is wrong", not "try again". */
const CONFIG_ERRORS = new Set([
  'invalid_client',
  'unauthorized_client',
  'invalid_request',
  'unsupported_grant_type',
  'unsupported_response_type',
  'invalid_scope',
  'origin_not_allowed',
  'origin_required',
  'not_found',
]);

/** Backend / portal troubles that pass: the session stands, the user may try again. */
const TRANSIENT_ERRORS: Record<string, ErrorCode> = {
  portal_unavailable: 'server',
  internal_error: 'server',
  server_error: 'server',
  temporarily_unavailable: 'server',
  rate_limited: 'rate_limited',
};

const POPUP_CLOSED = /popup closed|disposed window|popup blocked/i;

function parts(error: unknown): { name: string; oauth: string | null; message: string } {
  if (!(error instanceof Error)) return { name: '', oauth: null, message: String(error) };
  const oauth = (error as { error?: unknown }).error;
  return {
    name: error.name,
    oauth: typeof oauth === 'string' ? oauth : null,
    message: error.message,
  };
}

/** Everything that is not an OAuth answer: the network, a timeout, a closed popup. */
function transport(name: string, message: string): ErrorCode | null {
  if (name === 'ErrorTimeout') return 'timeout';
  if (name === 'TypeError') return 'network'; // fetch: offline, CORS, DNS
  if (/\(5\d\d\)/.test(message)) return 'server'; // a non-JSON 5xx page
  return null;
}

/** What went wrong, for the error the widget makes of it (never the portal's own text). */
export interface Failure {
  code: ErrorCode;
  /** Technical, for developers: the OAuth error code or the error's name. */
  message: string;
}

/** A failed `signinPopup`. */
export function loginFailure(error: unknown): Failure {
  const { name, oauth, message } = parts(error);
  let code: ErrorCode = 'login_denied';
  if (oauth && CONFIG_ERRORS.has(oauth)) code = 'config';
  else if (oauth && TRANSIENT_ERRORS[oauth]) code = TRANSIENT_ERRORS[oauth];
  else if (!oauth && POPUP_CLOSED.test(message)) code = 'popup_closed';
  else if (!oauth) code = transport(name, message) ?? 'login_denied';
  return { code, message: `login: ${oauth ?? name}` };
}
