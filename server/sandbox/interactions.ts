/**
 * Login and consent interactions for oidc-provider:
 *   GET  /interaction/:uid          the login or consent page
 *   POST /interaction/:uid/login    email + password
 *   POST /interaction/:uid/confirm  "Allow"
 *   POST /interaction/:uid/abort    "Deny" / "Cancel" → redirect_uri?error=access_denied&…
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { isPlainObject, readBody, sendHtml } from './http-utils.js';
import { consentPage, loginPage, messagePage } from './login-pages.js';
import { CLIENT_NAMES } from './oidc-clients.js';
import type { SandboxState } from './state.js';

export interface InteractionDeps {
  provider: Provider;
  state: SandboxState;
}

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?\/?$/;

const expired = (res: ServerResponse): void =>
  sendHtml(
    res,
    400,
    messagePage(
      'Sign-in expired',
      'This sign-in request has expired or was already completed. Please start again from the app.',
    ),
  );

export async function handleInteraction(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: InteractionDeps,
): Promise<void> {
  const match = ROUTE.exec(url.pathname);
  if (!match) return sendHtml(res, 404, messagePage('Not found', 'There is no such page.'));
  const [, uid, action] = match;
  if ((action && req.method !== 'POST') || (!action && req.method !== 'GET')) {
    return sendHtml(
      res,
      405,
      messagePage('Method not allowed', 'This page cannot be used that way.'),
      { Allow: action ? 'POST' : 'GET' },
    );
  }

  let details: InteractionDetails;
  try {
    details = await deps.provider.interactionDetails(req, res);
  } catch {
    return expired(res);
  }
  if (details.uid !== uid) return expired(res);

  const clientId = String(details.params.client_id ?? '');
  const clientName = CLIENT_NAMES[clientId] ?? clientId;
  const promptName = details.prompt.name;

  if (!action) {
    if (promptName === 'login') return sendHtml(res, 200, loginPage({ uid, clientName }));
    return sendHtml(res, 200, consentPage(uid, clientName, requestedScopes(details)));
  }

  if (action === 'abort') {
    return deps.provider.interactionFinished(
      req,
      res,
      {
        error: 'access_denied',
        error_description: 'The resource owner or authorization server denied the request.',
      },
      { mergeWithLastSubmission: false },
    );
  }

  if (action === 'login') {
    if (promptName !== 'login') return expired(res);
    const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
    const email = form.get('email') ?? '';
    const patient = deps.state.patientByEmail(email);
    if (!patient || patient.password !== (form.get('password') ?? '')) {
      return sendHtml(
        res,
        200,
        loginPage({
          uid,
          clientName,
          email,
          error: 'Invalid email or password. Please try again.',
        }),
      );
    }
    return deps.provider.interactionFinished(
      req,
      res,
      { login: { accountId: patient.id } },
      { mergeWithLastSubmission: false },
    );
  }

  if (promptName !== 'consent' || !details.session) return expired(res);
  await readBody(req, 16 * 1024);
  const grantId = await saveGrant(deps.provider, details, clientId, details.session.accountId);
  return deps.provider.interactionFinished(
    req,
    res,
    { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true },
  );
}

function requestedScopes(details: InteractionDetails): string[] {
  const scope = typeof details.params.scope === 'string' ? details.params.scope : '';
  return [...new Set(scope.split(' ').filter(Boolean))];
}

async function saveGrant(
  provider: Provider,
  details: InteractionDetails,
  clientId: string,
  accountId: string,
): Promise<string> {
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (Array.isArray(missing.missingOIDCScope))
    grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (Array.isArray(missing.missingOIDCClaims))
    grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
  if (isPlainObject(missing.missingResourceScopes)) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      if (Array.isArray(scopes)) grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return grant.save();
}
