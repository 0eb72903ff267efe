import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Auth0WebLogin, WEB_CLIENT } from './auth0-web-login.js';
import type { RouteName } from './faults.js';
import { parseBody, randomToken, sendJson } from './http.js';
import type { TokenIssuer } from './tokens.js';

export { WEB_CLIENT };

export interface Auth0Options {
  username?: string;
  password?: string;
  accessTokenTtlSeconds?: number;
  /** Logins (password grant or web) allowed per minute before Auth0 answers 429. */
  loginsPerMinute?: number;
  /** How many login pages are served without the _csrf cookie (as Auth0 sometimes does). */
  csrfMissingTimes?: number;
}

export const SIM_USERNAME = 'rider@example.com';
export const SIM_PASSWORD = 'correct-horse-battery-staple';
export const PASSWORD_GRANT_CLIENT = 'mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS';

interface RefreshGrant {
  clientId: string;
  rotating: boolean;
  used: boolean;
}

const ROUTES: Record<string, RouteName> = {
  'POST /auth/login': 'legacy_login',
  'POST /oauth/token': 'oauth_token',
  'GET /authorize': 'authorize',
  'GET /login': 'login_page',
  'POST /usernamepassword/login': 'usernamepassword_login',
  'POST /login/callback': 'login_callback',
  'GET /authorize/resume': 'authorize_resume',
};

/** Peloton's Auth0 tenant as it behaves today: password grant, the web login with PKCE, rotating refresh. */
export class Auth0Simulator {
  readonly username: string;
  readonly password: string;
  accessTokenTtlSeconds: number;
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly revoked = new Set<string>();
  private readonly loginTimes: number[] = [];
  private readonly web: Auth0WebLogin;
  /** Every refresh token ever presented, in order (tests check a rotated one is never sent again). */
  readonly presentedRefreshTokens: string[] = [];
  logins = 0;

  constructor(
    private readonly tokens: TokenIssuer,
    private readonly userId: string,
    private readonly options: Auth0Options,
    private readonly origin: () => string,
    private readonly now: () => number,
  ) {
    this.username = options.username ?? SIM_USERNAME;
    this.password = options.password ?? SIM_PASSWORD;
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 172_800;
    this.web = new Auth0WebLogin(
      {
        tokens,
        userId,
        username: this.username,
        password: this.password,
        origin,
        allowLogin: () => !this.tooManyLogins(),
        loggedIn: () => {
          this.logins++;
        },
        issueCode: (challenge, redirectUri) => {
          const code = randomToken();
          this.codes.set(code, { challenge, redirectUri });
          return code;
        },
      },
      options.csrfMissingTimes ?? 0,
    );
  }

  routeOf(method: string, path: string): RouteName | undefined {
    return ROUTES[`${method} ${path}`];
  }

  isRevoked(token: string): boolean {
    return this.revoked.has(token);
  }

  revoke(token: string): void {
    this.revoked.add(token);
  }

  /** A refresh token as a user would have it after logging in to the web app. */
  issueRefreshToken(clientId = WEB_CLIENT): string {
    const token = `v1.${randomToken()}`;
    this.refreshTokens.set(token, { clientId, rotating: clientId === WEB_CLIENT, used: false });
    return token;
  }

  handle(route: RouteName, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
    switch (route) {
      case 'legacy_login':
        return sendJson(res, 403, { status: 403, message: 'Access forbidden. Endpoint no longer accepting requests.' });
      case 'oauth_token':
        return this.token(res, parseBody(req, body));
      case 'authorize':
        return this.web.authorize(res, url);
      case 'login_page':
        return this.web.loginPage(req, res, url);
      case 'usernamepassword_login':
        return this.web.usernamePasswordLogin(req, res, parseBody(req, body));
      case 'login_callback':
        return this.web.callback(req, res, parseBody(req, body));
      default:
        return this.web.resume(req, res, url);
    }
  }

  private token(res: ServerResponse, input: Record<string, string>): void {
    const error = (status: number, code: string, description: string): void =>
      sendJson(res, status, { error: code, error_description: description });
    const clientId = input['client_id'] ?? '';
    if (clientId !== PASSWORD_GRANT_CLIENT && clientId !== WEB_CLIENT) return error(401, 'access_denied', 'Unauthorized');
    switch (input['grant_type']) {
      case 'password': {
        if (clientId !== PASSWORD_GRANT_CLIENT)
          return error(403, 'unauthorized_client', "Grant type 'password' not allowed for the client.");
        if (this.tooManyLogins()) return error(429, 'too_many_attempts', 'Too many login attempts. Try again later.');
        if (input['username'] !== this.username || input['password'] !== this.password)
          return error(403, 'invalid_grant', 'Wrong email or password.');
        this.logins++;
        return sendJson(res, 200, this.grant(clientId, input['scope'] ?? 'openid'));
      }
      case 'authorization_code': {
        const code = this.codes.get(input['code'] ?? '');
        this.codes.delete(input['code'] ?? '');
        if (code === undefined) return error(403, 'invalid_grant', 'Invalid authorization code');
        if (code.redirectUri !== input['redirect_uri']) return error(403, 'invalid_grant', 'Redirect URI mismatch');
        if (pkceChallenge(input['code_verifier'] ?? '') !== code.challenge)
          return error(403, 'invalid_grant', 'Failed to verify code verifier');
        return sendJson(res, 200, this.grant(clientId, 'openid offline_access peloton-api.members:default'));
      }
      case 'refresh_token': {
        const presented = input['refresh_token'] ?? '';
        this.presentedRefreshTokens.push(presented);
        const grant = this.refreshTokens.get(presented);
        if (grant === undefined || grant.used || grant.clientId !== clientId)
          return error(403, 'invalid_grant', 'Unknown or invalid refresh token.');
        if (!grant.rotating)
          return sendJson(res, 200, { ...this.grant(clientId, 'openid offline_access', false), refresh_token: undefined });
        grant.used = true;
        return sendJson(res, 200, this.grant(clientId, 'openid offline_access'));
      }
      default:
        return error(400, 'unsupported_grant_type', `Unsupported grant type: ${input['grant_type'] ?? ''}`);
    }
  }

  private grant(clientId: string, scope: string, withRefresh = true): Record<string, unknown> {
    return {
      access_token: this.tokens.issue(this.userId, this.accessTokenTtlSeconds),
      ...(withRefresh ? { refresh_token: this.issueRefreshToken(clientId) } : {}),
      id_token: this.tokens.issue(this.userId, 36_000, { nickname: 'sim_rider' }),
      scope,
      expires_in: this.accessTokenTtlSeconds,
      token_type: 'Bearer',
    };
  }

  private tooManyLogins(): boolean {
    const now = this.now();
    while (this.loginTimes.length > 0 && (this.loginTimes[0] ?? 0) < now - 60_000) this.loginTimes.shift();
    this.loginTimes.push(now);
    return this.loginTimes.length > (this.options.loginsPerMinute ?? 5);
  }
}

export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
