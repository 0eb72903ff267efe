import type { ResolvedConfig } from '../../config/config.js';
import type { MessageSink } from '../../protocol/sink.js';
import type { DebugLog } from '../http-debug.js';
import { Auth0Client } from './auth0-client.js';
import type { Authenticator } from './authenticator.js';
import { BearerAuthenticator } from './bearer.js';
import { OAuthAuthenticator } from './oauth.js';
import { PasswordAuthenticator } from './password.js';

export interface AuthDeps {
  output: MessageSink;
  nowSeconds: () => number;
  signal?: AbortSignal | undefined;
  /** --debug: every request to Auth0 (method, path, status; never a body). */
  debug?: DebugLog | undefined;
}

/** The Authenticator for the config's credentials: the one place that knows how Peloton logs in. */
export function createAuthenticator(config: ResolvedConfig, deps: AuthDeps): Authenticator {
  const { credentials } = config;
  switch (credentials.authType) {
    case 'bearer':
      return new BearerAuthenticator(credentials.accessToken, deps.nowSeconds);
    case 'oauth':
      return new OAuthAuthenticator(new Auth0Client(config, deps.signal, deps.debug), credentials, deps.output, deps.nowSeconds);
    case 'password':
      return new PasswordAuthenticator(new Auth0Client(config, deps.signal, deps.debug), credentials, deps.output, deps.nowSeconds);
  }
}
