import got, { type Got, type Response } from 'got';
import type { ResolvedConfig } from '../../config/config.js';
import { asText, ConnectorError, configError, transientError } from '../../errors.js';
import { USER_AGENT } from '../../version.js';
import { debugHooks, type DebugLog } from '../http-debug.js';
import { cdnFailure, toConnectorError } from '../http-policy.js';
import { parseJsonObject } from '../json-object.js';

/** What a request to Auth0 was for: a message about a refused token depends on it. */
export type LoginPurpose = 'password' | 'code' | 'refresh' | 'web';

export interface TokenResponse {
  accessToken: string;
  refreshToken: string | undefined;
}

/** Auth0 refused the client itself (not the user): the cue for `auto` to try the web login instead. */
export class ClientRefusedError extends ConnectorError {
  constructor(detail: string) {
    super(`Peloton's login refused the client (${detail}).`, 'config_error');
  }
}

const RATE_LIMITED =
  "Peloton's login (Auth0) is rate-limiting logins (429). Wait at least 15 minutes before trying again, or use an OAuth refresh token or a bearer token meanwhile; repeated attempts can get the account flagged.";

/** Talks to Peloton's Auth0 tenant. Its requests are never retried: a repeated login can lock an account. */
export class Auth0Client {
  readonly http: Got;

  constructor(
    readonly config: ResolvedConfig,
    signal?: AbortSignal,
    debug?: DebugLog,
  ) {
    const hooks = debugHooks(debug);
    this.http = got.extend({
      hooks: { afterResponse: hooks.afterResponse, beforeError: hooks.beforeError },
      prefixUrl: config.authBaseUrl,
      headers: { 'user-agent': USER_AGENT },
      timeout: { request: config.requestTimeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      ...(signal === undefined ? {} : { signal }),
    });
  }

  passwordGrant(username: string, password: string): Promise<TokenResponse> {
    const { passwordGrantClientId, passwordGrantScope } = this.config.login;
    return this.token(
      { grant_type: 'password', client_id: passwordGrantClientId, scope: passwordGrantScope, username, password },
      'password',
    );
  }

  exchangeCode(code: string, codeVerifier: string): Promise<TokenResponse> {
    const { webClientId, redirectUri } = this.config.login;
    return this.token(
      { grant_type: 'authorization_code', client_id: webClientId, code_verifier: codeVerifier, code, redirect_uri: redirectUri },
      'code',
    );
  }

  refresh(clientId: string, refreshToken: string): Promise<TokenResponse> {
    return this.token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }, 'refresh');
  }

  private async token(body: Record<string, string>, purpose: Exclude<LoginPurpose, 'web'>): Promise<TokenResponse> {
    const what = `POST ${this.config.authBaseUrl}/oauth/token`;
    let response: Response<string>;
    try {
      response = await this.http.post('oauth/token', { json: body });
    } catch (error) {
      throw toConnectorError(error, what, 'auth_base_url');
    }
    const payload = parseJsonObject(response.body) ?? {};
    if (response.statusCode === 200 && typeof payload['access_token'] === 'string') {
      const refreshToken = typeof payload['refresh_token'] === 'string' ? payload['refresh_token'] : undefined;
      return { accessToken: payload['access_token'], refreshToken };
    }
    throw auth0Failure(response, what, purpose, payload);
  }
}

/**
 * Why an Auth0 answer is a failure: the CDN's block when the HTTP policy says it is one, else the error
 * Auth0 names in its JSON body (`error`/`error_description` from /oauth/token, `code`/`description` from
 * the web login); an answer without one (an HTML error page) is told by its status.
 */
export function auth0Failure(
  response: Response<string>,
  what: string,
  purpose: LoginPurpose,
  body: Record<string, unknown> = parseJsonObject(response.body) ?? {},
): ConnectorError {
  return (
    cdnFailure(response, what, 'auth_base_url') ??
    tokenError(
      response.statusCode,
      asText(body['error'] ?? body['code']),
      asText(body['error_description'] ?? body['description']),
      purpose,
    )
  );
}

function tokenError(status: number, code: string, description: string, purpose: LoginPurpose): ConnectorError {
  const detail = [code, description].filter(Boolean).join(': ') || `HTTP ${status}`;
  if (status === 429 || code === 'too_many_attempts') return transientError(RATE_LIMITED);
  if (code === 'unauthorized_client' || code === 'access_denied' || code === 'invalid_client') return new ClientRefusedError(detail);
  if (purpose === 'refresh' && code === 'invalid_grant') {
    return configError(
      `Peloton refused the refresh token (${detail}): it expired, was revoked, or was already used (Peloton's web client rotates refresh tokens on every use). Get a new one by logging in again, or switch to "Username and password" credentials.`,
    );
  }
  if (code === 'invalid_grant' || code === 'invalid_user_password') {
    return configError(
      `Peloton rejected the username or password (${detail}). Check them in the config; the connector does not retry a wrong password, so the account is not locked.`,
    );
  }
  if (status >= 500) return transientError(`Peloton's login answered ${status}; it may be having an outage. Try again later.`);
  return configError(`Peloton's login failed (${detail}). If Peloton changed its login, check the advanced login settings.`);
}
