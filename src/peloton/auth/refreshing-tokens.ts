import type { Redactor } from '../../protocol/redactor.js';
import { decodeJwtClaims } from '../jwt.js';
import type { Auth0Client, TokenResponse } from './auth0-client.js';

/** Refresh this long before the token's `exp` (or a tenth of its lifetime, if shorter). */
export const EXPIRY_MARGIN_SECONDS = 300;

export interface TokenPair {
  accessToken: string | undefined;
  refreshToken: string;
}

/**
 * An access token kept fresh with a refresh token. Refreshes are single-flight (concurrent requests
 * share one), and a rotated refresh token replaces the old one at once, so the old one is never sent again.
 */
export class RefreshingTokens {
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly client: Auth0Client,
    private readonly clientId: string,
    private tokens: TokenPair,
    private readonly redactor: Redactor,
    private readonly nowSeconds: () => number,
    /** Called once per rotation, before the new access token is handed to anyone. */
    private readonly onRotate: (tokens: { accessToken: string; refreshToken: string }) => Promise<void>,
  ) {
    redactor.add(tokens.accessToken);
    redactor.add(tokens.refreshToken);
  }

  /** The current access token, refreshed first if missing or about to expire. */
  async current(): Promise<string> {
    const token = this.tokens.accessToken;
    if (token !== undefined && !this.expiresSoon(token)) return token;
    return this.refresh();
  }

  /** A token other than `rejected`: the current one if someone already refreshed, else a new one. */
  async replace(rejected: string): Promise<string> {
    const token = this.tokens.accessToken;
    if (token !== undefined && token !== rejected && !this.expiresSoon(token)) return token;
    return this.refresh();
  }

  private refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<string> {
    const response: TokenResponse = await this.client.refresh(this.clientId, this.tokens.refreshToken);
    this.redactor.add(response.accessToken);
    this.redactor.add(response.refreshToken);
    const rotated = response.refreshToken !== undefined && response.refreshToken !== this.tokens.refreshToken;
    this.tokens = { accessToken: response.accessToken, refreshToken: response.refreshToken ?? this.tokens.refreshToken };
    if (rotated) await this.onRotate({ accessToken: response.accessToken, refreshToken: this.tokens.refreshToken });
    return response.accessToken;
  }

  private expiresSoon(token: string): boolean {
    const claims = decodeJwtClaims(token);
    const expiry = claims?.['exp'];
    if (typeof expiry !== 'number') return false;
    const issued = claims?.['iat'];
    const margin = typeof issued === 'number' ? Math.min(EXPIRY_MARGIN_SECONDS, (expiry - issued) / 10) : EXPIRY_MARGIN_SECONDS;
    return expiry - margin <= this.nowSeconds();
  }
}
