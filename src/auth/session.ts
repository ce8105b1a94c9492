/**
 * The signed-in patient's session: the access token in memory (never in storage; the refresh token
 * is the backend's, in an `HttpOnly` cookie), refreshed before it runs out and on a 401, one
 * refresh at a time however many requests ask. A refresh the portal refuses ends the session
 * (`onEnded`); a passing failure (network) leaves it standing.
 *
 * The login code itself (oidc-client-ts) is loaded with `import()` on the first sign-in.
 */
import { ApiError, AuthError, ERROR_CODES } from '../api/errors.js';
import type { LoginClient, TokenSet } from './login-client.js';

/** Refresh this long before expiry (at most half the token's life). */
export const REFRESH_MARGIN_MS = 30_000;

export interface UserSessionOptions {
  /** Loads the login code and makes the client (once). */
  load: () => Promise<LoginClient>;
  /** The session ended because the portal refused to refresh it. */
  onEnded?: () => void;
  now?: () => number;
}

interface Held extends TokenSet {
  obtainedAt: number;
}

export class UserSession {
  private client: Promise<LoginClient> | null = null;
  private held: Held | null = null;
  private refreshing: Promise<string> | null = null;
  /** The last sign-out at the backend, which a new sign-in waits for (it clears the cookie). */
  private leaving: Promise<void> = Promise.resolve();
  /** Bumped on sign-in and sign-out: answers of an older session are dropped. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: UserSessionOptions) {
    this.now = options.now ?? Date.now;
  }

  get signedIn(): boolean {
    return this.held !== null;
  }

  /**
   * Signs in through the already open `popup`. Fails with an `ApiError`: `popup_closed`,
   * `login_denied`, `network`, … (a failed sign-in leaves the session signed out).
   */
  async signIn(popup: Window): Promise<void> {
    const generation = ++this.generation;
    this.held = null;
    let client: LoginClient;
    try {
      client = await this.loadClient();
    } catch (error) {
      popup.close();
      throw error instanceof ApiError
        ? error
        : new ApiError('login code failed to load', ERROR_CODES.network);
    }
    // A sign-out still on its way would remove the new session's cookie.
    await this.leaving;
    // Closed while the login code loaded: oidc-client-ts would open a new (blocked) window.
    if (popup.closed) throw new ApiError('login popup closed', ERROR_CODES.popupClosed);
    const tokens = await client.signIn();
    if (generation !== this.generation)
      throw new ApiError('login superseded', ERROR_CODES.popupClosed);
    this.held = { ...tokens, obtainedAt: this.now() };
  }

  /** The access token; refreshed first when it is about to run out or `forceRefresh` (a 401). */
  getToken({ forceRefresh }: { forceRefresh: boolean }): Promise<string> {
    const held = this.held;
    if (!held) return Promise.reject(new AuthError('not signed in'));
    if (this.refreshing) return this.refreshing;
    if (!forceRefresh && !this.expiring(held, this.now())) return Promise.resolve(held.accessToken);
    return this.refresh();
  }

  /**
   * Ends the session: tokens and the login library's user are forgotten, and the backend drops
   * its session cookie and revokes the refresh token (best effort, in the background).
   */
  signOut(): void {
    this.generation += 1;
    this.held = null;
    this.refreshing = null;
    if (this.client) this.leaving = this.client.then((c) => c.signOut()).catch(() => {});
  }

  private expiring(held: Held, now: number): boolean {
    if (held.expiresAt === null) return false;
    const lifetime = held.expiresAt - held.obtainedAt;
    return now >= held.expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2);
  }

  private refresh(): Promise<string> {
    const generation = this.generation;
    const flight = this.loadClient()
      .then((client) => client.refresh())
      .then(
        (tokens) => {
          if (generation !== this.generation) throw new AuthError('signed out meanwhile');
          this.held = { ...tokens, obtainedAt: this.now() };
          return tokens.accessToken;
        },
        (error: unknown) => {
          const refused = !(error instanceof ApiError) || error.code === ERROR_CODES.unauthorized;
          if (refused && generation === this.generation) this.end();
          throw refused ? new AuthError('refresh refused') : error;
        },
      )
      .finally(() => {
        if (this.refreshing === flight) this.refreshing = null;
      });
    this.refreshing = flight;
    return flight;
  }

  private end(): void {
    this.signOut();
    this.options.onEnded?.();
  }

  private loadClient(): Promise<LoginClient> {
    this.client ??= this.options.load().catch((error: unknown) => {
      this.client = null; // a failed load may be retried with the next click
      throw error;
    });
    return this.client;
  }
}
