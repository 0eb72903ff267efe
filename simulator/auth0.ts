import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteName } from './faults.js';
import { sendJson } from './server.js';
import type { TokenIssuer } from './tokens.js';

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
export const WEB_CLIENT = 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM';

interface Transaction {
  clientState: string;
  csrf: string;
  challenge: string;
  redirectUri: string;
  loggedIn: boolean;
}

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

const random = (): string => randomBytes(18).toString('base64url');

/** Peloton's Auth0 tenant as it behaves today: password grant, the web login with PKCE, rotating refresh. */
export class Auth0Simulator {
  readonly username: string;
  readonly password: string;
  accessTokenTtlSeconds: number;
  private readonly transactions = new Map<string, Transaction>();
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly revoked = new Set<string>();
  private readonly loginTimes: number[] = [];
  private csrfMissingLeft: number;
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
    this.csrfMissingLeft = options.csrfMissingTimes ?? 0;
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
    const token = `v1.${random()}`;
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
        return this.authorize(res, url);
      case 'login_page':
        return this.loginPage(req, res, url);
      case 'usernamepassword_login':
        return this.usernamePasswordLogin(req, res, parseBody(req, body));
      case 'login_callback':
        return this.callback(req, res, parseBody(req, body));
      default:
        return this.resume(req, res, url);
    }
  }

  private token(res: ServerResponse, input: Record<string, string>): void {
    const error = (status: number, code: string, description: string): void => sendJson(res, status, { error: code, error_description: description });
    const clientId = input['client_id'] ?? '';
    if (clientId !== PASSWORD_GRANT_CLIENT && clientId !== WEB_CLIENT) return error(401, 'access_denied', 'Unauthorized');
    switch (input['grant_type']) {
      case 'password': {
        if (clientId !== PASSWORD_GRANT_CLIENT) return error(403, 'unauthorized_client', "Grant type 'password' not allowed for the client.");
        if (this.tooManyLogins()) return error(429, 'too_many_attempts', 'Too many login attempts. Try again later.');
        if (input['username'] !== this.username || input['password'] !== this.password) return error(403, 'invalid_grant', 'Wrong email or password.');
        this.logins++;
        return sendJson(res, 200, this.grant(clientId, input['scope'] ?? 'openid'));
      }
      case 'authorization_code': {
        const code = this.codes.get(input['code'] ?? '');
        this.codes.delete(input['code'] ?? '');
        if (code === undefined) return error(403, 'invalid_grant', 'Invalid authorization code');
        if (code.redirectUri !== input['redirect_uri']) return error(403, 'invalid_grant', 'Redirect URI mismatch');
        if (pkceChallenge(input['code_verifier'] ?? '') !== code.challenge) return error(403, 'invalid_grant', 'Failed to verify code verifier');
        return sendJson(res, 200, this.grant(clientId, 'openid offline_access peloton-api.members:default'));
      }
      case 'refresh_token': {
        const presented = input['refresh_token'] ?? '';
        this.presentedRefreshTokens.push(presented);
        const grant = this.refreshTokens.get(presented);
        if (grant === undefined || grant.used || grant.clientId !== clientId) return error(403, 'invalid_grant', 'Unknown or invalid refresh token.');
        if (!grant.rotating) return sendJson(res, 200, { ...this.grant(clientId, 'openid offline_access', false), refresh_token: undefined });
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

  private authorize(res: ServerResponse, url: URL): void {
    const q = url.searchParams;
    if (q.get('client_id') !== WEB_CLIENT) return void res.writeHead(400, { 'content-type': 'text/html' }).end('<html>Unknown client</html>');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || q.get('response_type') !== 'code') {
      return void res.writeHead(400, { 'content-type': 'text/html' }).end('<html>Invalid request</html>');
    }
    const serverState = random();
    const csrf = random();
    this.transactions.set(serverState, { clientState: q.get('state') ?? '', csrf, challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', loggedIn: false });
    const cookies = [`auth0=${serverState}; Path=/; HttpOnly; SameSite=None`];
    if (this.csrfMissingLeft > 0) this.csrfMissingLeft--;
    else cookies.push(`_csrf=${csrf}; Path=/usernamepassword/login; HttpOnly; SameSite=None`);
    res.writeHead(302, { location: `/login?state=${serverState}&client=${WEB_CLIENT}`, 'set-cookie': cookies }).end();
  }

  private loginPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const state = url.searchParams.get('state') ?? '';
    if (!this.transactions.has(state) || cookie(req, 'auth0') !== state) return void res.writeHead(400, { 'content-type': 'text/html' }).end('<html>Bad state</html>');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body><div id="login">Log in to Peloton</div></body></html>');
  }

  private usernamePasswordLogin(req: IncomingMessage, res: ServerResponse, input: Record<string, string>): void {
    const tx = this.transactions.get(input['state'] ?? '');
    if (tx === undefined || input['client_id'] !== WEB_CLIENT || input['tenant'] !== 'peloton-prod' || input['connection'] !== 'pelo-user-password') {
      return sendJson(res, 400, { name: 'BadRequestError', code: 'invalid_request', description: 'Invalid state or client', statusCode: 400 });
    }
    if (!input['_csrf'] || input['_csrf'] !== tx.csrf || cookie(req, '_csrf') !== tx.csrf || req.headers.origin !== this.origin()) {
      return sendJson(res, 403, { name: 'ForbiddenError', code: 'invalid_csrf', description: 'Invalid csrf token', statusCode: 403 });
    }
    if (this.tooManyLogins()) return sendJson(res, 429, { name: 'TooManyAttemptsError', code: 'too_many_attempts', description: 'Too many login attempts.', statusCode: 429 });
    if (input['username'] !== this.username || input['password'] !== this.password) {
      return sendJson(res, 401, { name: 'ValidationError', code: 'invalid_user_password', description: 'Wrong email or password.', statusCode: 401 });
    }
    this.logins++;
    const wresult = this.tokens.issue(this.userId, 300, { tx: input['state'] });
    const action = `${this.origin()}/login/callback`;
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<form method="post" name="hiddenform" action="${action}">` +
        `<input type="hidden" name="wa" value="wsignin1.0">` +
        `<input type="hidden" name="wresult" value="${wresult}">` +
        `<input type="hidden" name="wctx" value="{&#34;strategy&#34;:&#34;auth0&#34;,&#34;state&#34;:&#34;${input['state']}&#34;}">` +
        `<noscript><p>Script is disabled.</p><input type="submit" value="Submit"></noscript></form>` +
        `<script>window.setTimeout(function() {document.forms[0].submit();}, 0);</script>`,
    );
  }

  private callback(req: IncomingMessage, res: ServerResponse, input: Record<string, string>): void {
    const verdict = this.tokens.verify(input['wresult'] ?? '');
    const state = verdict.ok ? String(verdict.claims['tx']) : '';
    const tx = this.transactions.get(state);
    if (tx === undefined || input['wa'] !== 'wsignin1.0' || !(input['wctx'] ?? '').includes(state) || cookie(req, 'auth0') !== state) {
      return void res.writeHead(400, { 'content-type': 'text/html' }).end('<html>Invalid callback</html>');
    }
    tx.loggedIn = true;
    res.writeHead(302, { location: `/authorize/resume?state=${state}` }).end();
  }

  private resume(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const state = url.searchParams.get('state') ?? '';
    const tx = this.transactions.get(state);
    if (tx === undefined || !tx.loggedIn || cookie(req, 'auth0') !== state) return void res.writeHead(400, { 'content-type': 'text/html' }).end('<html>Login required</html>');
    this.transactions.delete(state);
    const code = random();
    this.codes.set(code, { challenge: tx.challenge, redirectUri: tx.redirectUri });
    res.writeHead(302, { location: `${tx.redirectUri}?code=${code}&state=${encodeURIComponent(tx.clientState)}` }).end();
  }
}

export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

function parseBody(req: IncomingMessage, body: string): Record<string, string> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(body) as Record<string, string>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
