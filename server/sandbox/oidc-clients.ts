/** The registered clients and the constants of the OAuth side: scopes, API path, redirect URIs. */
import type { SandboxConfig } from './config.js';

export const API_SCOPES = [
  'basic',
  'profile_read',
  'appointment_read',
  'appointment_write',
] as const;
export const API_PATH = '/api/patient/v1';

export const DEMO_REDIRECT_URIS = [
  'http://localhost:5173/callback.html',
  'http://127.0.0.1:5173/callback.html',
  'http://localhost:4173/callback.html',
  'http://127.0.0.1:4173/callback.html',
];

export const CLIENT_NAMES: Record<string, string> = {
  'demo-client': 'Patient Booking (demo-client)',
  'demo-spa': 'Patient Booking (demo-spa)',
};

/** The resource indicator (and audience) of the patient API's access tokens. */
export const apiResource = (issuer: string): string => `${issuer}${API_PATH}`;

export function clients(config: SandboxConfig): Record<string, unknown>[] {
  const redirect_uris = [...new Set([...DEMO_REDIRECT_URIS, ...config.redirectUris])];
  const common = {
    response_types: ['code'],
    redirect_uris,
    post_logout_redirect_uris: redirect_uris,
  };
  return [
    {
      ...common,
      client_id: 'demo-client',
      client_secret: 'demo-secret',
      client_name: CLIENT_NAMES['demo-client'],
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      ...common,
      client_id: 'demo-spa',
      client_name: CLIENT_NAMES['demo-spa'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'none',
    },
  ];
}
