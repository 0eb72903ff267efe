import type { JsonObject } from '../../protocol/messages.js';
import type { MessageSink } from '../../protocol/sink.js';
import type { Auth0Client } from './auth0-client.js';
import type { Authenticator } from './authenticator.js';
import { RefreshingTokens } from './refreshing-tokens.js';

/**
 * A refresh token from the config. When Peloton rotates it, the whole updated config goes to the
 * platform in a CONTROL message (the old token is dead from then on), before any further record.
 */
export class OAuthAuthenticator implements Authenticator {
  readonly description = 'an OAuth refresh token';
  private readonly tokens: RefreshingTokens;

  constructor(
    client: Auth0Client,
    credentials: { refreshToken: string; accessToken?: string; clientId: string },
    output: MessageSink,
    nowSeconds: () => number,
  ) {
    let config = structuredClone(client.config.original);
    this.tokens = new RefreshingTokens(
      client,
      credentials.clientId,
      { accessToken: credentials.accessToken, refreshToken: credentials.refreshToken },
      output.redactor,
      nowSeconds,
      async (rotated) => {
        config = {
          ...config,
          credentials: { ...(config['credentials'] as JsonObject), refresh_token: rotated.refreshToken, access_token: rotated.accessToken },
        };
        await output.connectorConfig(config);
        await output.log('INFO', 'Peloton rotated the refresh token; the updated config was handed to the platform (CONTROL message).');
      },
    );
  }

  accessToken(): Promise<string> {
    return this.tokens.current();
  }

  renew(rejected: string): Promise<string> {
    return this.tokens.replace(rejected);
  }
}
