import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookie, randomToken, sendHtml, sendJson } from './http.js';
import type { TokenIssuer } from './tokens.js';

export const WEB_CLIENT = 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM';

interface Transaction {
  clientState: string;
  csrf: string;
  challenge: string;
  redirectUri: string;
  loggedIn: boolean;
}

export interface WebLoginDeps {
  tokens: TokenIssuer;
  userId: string;
  username: string;
  password: string;
  origin(): string;
  /** False when Auth0 would rate-limit this login. */
  allowLogin(): boolean;
  loggedIn(): void;
  /** A single-use authorization code bound to the PKCE challenge and redirect URI. */
  issueCode(challenge: string, redirectUri: string): string;
}

/**
 * Auth0's universal-login pages as Peloton's web app meets them: /authorize (state swap, _csrf cookie),
 * the login page, the credentials post, the hidden callback form and the redirect chain to the code.
 */
export class Auth0WebLogin {
  private readonly transactions = new Map<string, Transaction>();

  constructor(
    private readonly deps: WebLoginDeps,
    private csrfMissingLeft: number,
  ) {}

  authorize(res: ServerResponse, url: URL): void {
    const q = url.searchParams;
    if (q.get('client_id') !== WEB_CLIENT) return sendHtml(res, 400, '<html>Unknown client</html>');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || q.get('response_type') !== 'code') {
      return sendHtml(res, 400, '<html>Invalid request</html>');
    }
    const serverState = randomToken();
    const csrf = randomToken();
    this.transactions.set(serverState, {
      clientState: q.get('state') ?? '',
      csrf,
      challenge: q.get('code_challenge') ?? '',
      redirectUri: q.get('redirect_uri') ?? '',
      loggedIn: false,
    });
    const cookies = [`auth0=${serverState}; Path=/; HttpOnly; SameSite=None`];
    if (this.csrfMissingLeft > 0) this.csrfMissingLeft--;
    else cookies.push(`_csrf=${csrf}; Path=/usernamepassword/login; HttpOnly; SameSite=None`);
    res.writeHead(302, { location: `/login?state=${serverState}&client=${WEB_CLIENT}`, 'set-cookie': cookies }).end();
  }

  loginPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const state = url.searchParams.get('state') ?? '';
    if (!this.transactions.has(state) || cookie(req, 'auth0') !== state) return sendHtml(res, 400, '<html>Bad state</html>');
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><body><div id="login">Log in to Peloton</div></body></html>');
  }

  usernamePasswordLogin(req: IncomingMessage, res: ServerResponse, input: Record<string, string>): void {
    const tx = this.transactions.get(input['state'] ?? '');
    if (
      tx === undefined ||
      input['client_id'] !== WEB_CLIENT ||
      input['tenant'] !== 'peloton-prod' ||
      input['connection'] !== 'pelo-user-password'
    ) {
      return sendJson(res, 400, {
        name: 'BadRequestError',
        code: 'invalid_request',
        description: 'Invalid state or client',
        statusCode: 400,
      });
    }
    if (!input['_csrf'] || input['_csrf'] !== tx.csrf || cookie(req, '_csrf') !== tx.csrf || req.headers.origin !== this.deps.origin()) {
      return sendJson(res, 403, { name: 'ForbiddenError', code: 'invalid_csrf', description: 'Invalid csrf token', statusCode: 403 });
    }
    if (!this.deps.allowLogin())
      return sendJson(res, 429, {
        name: 'TooManyAttemptsError',
        code: 'too_many_attempts',
        description: 'Too many login attempts.',
        statusCode: 429,
      });
    if (input['username'] !== this.deps.username || input['password'] !== this.deps.password) {
      return sendJson(res, 401, {
        name: 'ValidationError',
        code: 'invalid_user_password',
        description: 'Wrong email or password.',
        statusCode: 401,
      });
    }
    this.deps.loggedIn();
    const wresult = this.deps.tokens.issue(this.deps.userId, 300, { tx: input['state'] });
    const action = `${this.deps.origin()}/login/callback`;
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<form method="post" name="hiddenform" action="${action}">` +
          `<input type="hidden" name="wa" value="wsignin1.0">` +
          `<input type="hidden" name="wresult" value="${wresult}">` +
          `<input type="hidden" name="wctx" value="{&#34;strategy&#34;:&#34;auth0&#34;,&#34;state&#34;:&#34;${input['state']}&#34;}">` +
          `<noscript><p>Script is disabled.</p><input type="submit" value="Submit"></noscript></form>` +
          `<script>window.setTimeout(function() {document.forms[0].submit();}, 0);</script>`,
      );
  }

  callback(req: IncomingMessage, res: ServerResponse, input: Record<string, string>): void {
    const verdict = this.deps.tokens.verify(input['wresult'] ?? '');
    const state = verdict.ok ? String(verdict.claims['tx']) : '';
    const tx = this.transactions.get(state);
    if (tx === undefined || input['wa'] !== 'wsignin1.0' || !(input['wctx'] ?? '').includes(state) || cookie(req, 'auth0') !== state) {
      return sendHtml(res, 400, '<html>Invalid callback</html>');
    }
    tx.loggedIn = true;
    res.writeHead(302, { location: `/authorize/resume?state=${state}` }).end();
  }

  resume(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const state = url.searchParams.get('state') ?? '';
    const tx = this.transactions.get(state);
    if (tx === undefined || !tx.loggedIn || cookie(req, 'auth0') !== state) return sendHtml(res, 400, '<html>Login required</html>');
    this.transactions.delete(state);
    const code = this.deps.issueCode(tx.challenge, tx.redirectUri);
    res.writeHead(302, { location: `${tx.redirectUri}?code=${code}&state=${encodeURIComponent(tx.clientState)}` }).end();
  }
}
