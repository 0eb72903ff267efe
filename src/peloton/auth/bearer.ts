import { configError } from '../../errors.js';
import { tokenExpiry } from '../jwt.js';
import type { Authenticator } from './authenticator.js';

const ADVICE = 'Paste a fresh token, or switch credentials to "Username and password" or "OAuth refresh token", which renew themselves.';

/** A token pasted by hand: used as is; it cannot be renewed. */
export class BearerAuthenticator implements Authenticator {
  readonly description = 'a bearer token';

  constructor(
    private readonly token: string,
    private readonly nowSeconds: () => number,
  ) {}

  async accessToken(): Promise<string> {
    const expiry = tokenExpiry(this.token);
    if (expiry !== undefined && expiry <= this.nowSeconds()) {
      throw configError(`The bearer token expired at ${new Date(expiry * 1000).toISOString()}. ${ADVICE}`);
    }
    return this.token;
  }

  async renew(): Promise<string> {
    throw configError(`Peloton rejected the bearer token (401 Not logged in): it has expired or was revoked. ${ADVICE}`);
  }
}
