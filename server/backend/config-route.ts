/**
 * `GET config`: what the widget needs to know beyond its own files, from the backend's
 * deploy-time configuration. Public facts only: never the secret, never a token; so any origin may
 * read it (the patient on a page the backend does not serve still sees the phone number).
 */
import type { PracticeConfig } from './config.js';
import { jsonReply } from './errors.js';
import type { Reply } from './exchange.js';
import type { Route } from './route.js';

/** The answer's shape (the widget's `api/backend-config.ts` reads it). */
export interface WidgetConfiguration {
  /** Patient login through the portal's own pages; `null`: no login is set up. */
  login: {
    /** The portal (OIDC issuer). The popup navigates to its `authorizationEndpoint`. */
    issuer: string;
    authorizationEndpoint: string;
    clientId: string;
    /** Registered callback pages; the widget uses the one beside its own files. */
    redirectUris: readonly string[];
  } | null;
  practice: PracticeConfig;
}

export function configRoute(configuration: WidgetConfiguration): Route {
  // Built once: the configuration is fixed at deploy time.
  const reply: Reply = jsonReply(200, configuration, {});
  const cached: Reply = {
    ...reply,
    headers: Object.freeze({ ...reply.headers, 'Cache-Control': 'public, max-age=60' }),
  };
  return {
    methods: ['GET'],
    maxBodyBytes: 0,
    budget: 'api',
    // Public facts: a page on an origin not in ALLOWED_ORIGINS shows the phone number, too.
    anyOrigin: true,
    handle: () => cached,
  };
}
