import { transientError } from '../../errors.js';
import type { LoginMethod } from '../../generated/spec.js';
import { ClientRefusedError, type Auth0Client, type TokenResponse } from './auth0-client.js';
import { webLogin } from './web-login.js';

/** The Auth0 flow that issued a login's tokens. */
export type LoginFlow = 'password_grant' | 'web';

export interface PasswordCredentials {
  username: string;
  password: string;
  loginMethod: LoginMethod;
}

/** What one login with a username and password yields. */
export interface PasswordLoginResult {
  accessToken: string;
  refreshToken: string;
  /** The Auth0 client that issued the tokens: every refresh must name it. */
  clientId: string;
  flow: LoginFlow;
}

/**
 * Whether Peloton rotates the refresh tokens a flow issues: its web client does (each refresh
 * returns a new token and kills the old one), its password-grant client does not.
 */
export const rotatesRefreshTokens = (flow: LoginFlow): boolean => flow === 'web';

/**
 * Logs in once with a username and password through Peloton's Auth0, as `loginMethod` says:
 * `password_grant` and `web` use that flow only; `auto` tries the password grant and falls back to
 * the web login only when Auth0 refuses that client, never after a wrong password (a second
 * attempt could lock the account). `onFallback` hears why the fallback happens.
 */
export async function logInWithPassword(
  client: Auth0Client,
  credentials: PasswordCredentials,
  onFallback: (message: string) => Promise<void>,
): Promise<PasswordLoginResult> {
  const { username, password, loginMethod } = credentials;
  const { login } = client.config;
  let tokens: TokenResponse;
  let flow: LoginFlow = 'password_grant';
  if (loginMethod === 'web') {
    tokens = await webLogin(client, username, password);
    flow = 'web';
  } else {
    try {
      tokens = await client.passwordGrant(username, password);
    } catch (error) {
      if (!(loginMethod === 'auto' && error instanceof ClientRefusedError)) throw error;
      await onFallback(`${error.message} Logging in through the web login instead.`);
      tokens = await webLogin(client, username, password);
      flow = 'web';
    }
  }
  if (tokens.refreshToken === undefined) {
    throw transientError('Peloton logged in but returned no refresh token; the access cannot be renewed. Try again later.');
  }
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    clientId: flow === 'web' ? login.webClientId : login.passwordGrantClientId,
    flow,
  };
}
