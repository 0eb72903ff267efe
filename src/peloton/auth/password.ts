import { ConnectorError, transientError } from '../../errors.js';
import type { MessageSink } from '../../protocol/sink.js';
import type { Auth0Client } from './auth0-client.js';
import type { Authenticator } from './authenticator.js';
import { logInWithPassword, type PasswordCredentials } from './password-login.js';
import { RefreshingTokens } from './refreshing-tokens.js';

/**
 * Username and password: one login per run (never more: Peloton flags repeated logins), then the
 * refresh token it returned keeps the access token fresh for the rest of the run.
 */
export class PasswordAuthenticator implements Authenticator {
  readonly description: string;
  private session: Promise<RefreshingTokens> | undefined;

  constructor(
    private readonly client: Auth0Client,
    private readonly credentials: PasswordCredentials,
    private readonly output: MessageSink,
    private readonly nowSeconds: () => number,
  ) {
    this.description = `a password login (${credentials.loginMethod})`;
  }

  async accessToken(): Promise<string> {
    const tokens = await this.loggedIn();
    return tokens.current().catch(refreshRefused);
  }

  async renew(rejected: string): Promise<string> {
    const tokens = await this.loggedIn();
    return tokens.replace(rejected).catch(refreshRefused);
  }

  private loggedIn(): Promise<RefreshingTokens> {
    // A failed login is not retried within the run: the promise keeps its rejection.
    this.session ??= this.login();
    return this.session;
  }

  private async login(): Promise<RefreshingTokens> {
    const login = await logInWithPassword(this.client, this.credentials, (message) => this.output.log('INFO', message));
    await this.output.log('INFO', `Logged in to Peloton (${login.flow === 'web' ? 'web login' : 'password grant'}).`);
    return new RefreshingTokens(
      this.client,
      login.clientId,
      { accessToken: login.accessToken, refreshToken: login.refreshToken },
      this.output.redactor,
      this.nowSeconds,
      async () => {
        // The password is the durable credential here: a rotated refresh token lives only for this run.
      },
    );
  }
}

/**
 * The password was right (the login worked); a refused refresh later in the run is Peloton's side. The
 * run must not log in again (one login per run), so it stops as transient and the next sync logs in.
 */
function refreshRefused(error: unknown): never {
  if (error instanceof ConnectorError && error.failureType === 'config_error') {
    throw transientError(
      "Peloton refused to renew this sync's session token. The password was accepted, and a second login in one sync could get the account flagged, so this sync stops here; the next sync logs in again.",
      error,
    );
  }
  throw error;
}
