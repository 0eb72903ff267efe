import type { LoginMethod } from '../../generated/spec.js';
import { transientError } from '../../errors.js';
import type { MessageSink } from '../../protocol/sink.js';
import { ClientRefusedError, type Auth0Client, type TokenResponse } from './auth0-client.js';
import type { Authenticator } from './authenticator.js';
import { RefreshingTokens } from './refreshing-tokens.js';
import { webLogin } from './web-login.js';

/**
 * Username and password: one login per run (never more: Peloton flags repeated logins), then the
 * refresh token it returned keeps the access token fresh for the rest of the run.
 */
export class PasswordAuthenticator implements Authenticator {
  readonly description: string;
  private session: Promise<RefreshingTokens> | undefined;

  constructor(
    private readonly client: Auth0Client,
    private readonly credentials: { username: string; password: string; loginMethod: LoginMethod },
    private readonly output: MessageSink,
    private readonly nowSeconds: () => number,
  ) {
    this.description = `password login (${credentials.loginMethod})`;
  }

  async accessToken(): Promise<string> {
    return (await this.loggedIn()).current();
  }

  async renew(rejected: string): Promise<string> {
    return (await this.loggedIn()).replace(rejected);
  }

  private loggedIn(): Promise<RefreshingTokens> {
    // A failed login is not retried within the run: the promise keeps its rejection.
    this.session ??= this.login();
    return this.session;
  }

  private async login(): Promise<RefreshingTokens> {
    const { username, password, loginMethod } = this.credentials;
    const { login } = this.client.config;
    let tokens: TokenResponse;
    let clientId = login.passwordGrantClientId;
    if (loginMethod === 'web') {
      tokens = await webLogin(this.client, username, password);
      clientId = login.webClientId;
    } else {
      try {
        tokens = await this.client.passwordGrant(username, password);
      } catch (error) {
        if (!(loginMethod === 'auto' && error instanceof ClientRefusedError)) throw error;
        await this.output.log('INFO', `${error.message} Logging in through the web login instead.`);
        tokens = await webLogin(this.client, username, password);
        clientId = login.webClientId;
      }
    }
    await this.output.log('INFO', `Logged in to Peloton (${clientId === login.webClientId ? 'web login' : 'password grant'}).`);
    if (tokens.refreshToken === undefined) {
      throw transientError('Peloton logged in but returned no refresh token; the run cannot renew its access. Try again later.');
    }
    return new RefreshingTokens(this.client, clientId, { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }, this.output.redactor, this.nowSeconds, async () => {
      // The password is the durable credential here: a rotated refresh token lives only for this run.
    });
  }
}
