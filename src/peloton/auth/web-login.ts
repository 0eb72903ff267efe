import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'got';
import { configError, systemError } from '../../errors.js';
import { cdnFailure, toConnectorError } from '../http-policy.js';
import { auth0Failure, type Auth0Client, type TokenResponse } from './auth0-client.js';
import { LoginCookieJar } from './cookie-jar.js';

const CSRF_ATTEMPTS = 3;
const MAX_REDIRECTS = 10;

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * Peloton's web-app login, done headless: Authorization Code with PKCE (S256) through Auth0's
 * universal login pages, stopping at the redirect that carries the code (members.onepeloton.com
 * itself is never loaded), then the code exchange.
 */
export async function webLogin(client: Auth0Client, username: string, password: string): Promise<TokenResponse> {
  for (let attempt = 1; ; attempt++) {
    const verifier = base64url(randomBytes(32));
    const result = await attemptWebLogin(client, username, password, verifier);
    if (result !== 'missing-csrf') return client.exchangeCode(result.code, verifier);
    if (attempt >= CSRF_ATTEMPTS) {
      throw systemError(
        `Peloton's login page did not set its _csrf cookie in ${CSRF_ATTEMPTS} attempts. Try again later, or use login_method "password_grant".`,
      );
    }
  }
}

async function attemptWebLogin(
  client: Auth0Client,
  username: string,
  password: string,
  verifier: string,
): Promise<{ code: string } | 'missing-csrf'> {
  const { config, http } = client;
  const settings = config.login;
  const origin = new URL(config.authBaseUrl).origin;
  const jar = new LoginCookieJar();
  const clientState = base64url(randomBytes(24));
  const nonce = base64url(randomBytes(24));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const step = async (what: string, request: () => Promise<Response<string>>): Promise<Response<string>> => {
    try {
      return await request();
    } catch (error) {
      throw toConnectorError(error, `${what} on ${origin}`, 'auth_base_url');
    }
  };

  // 1. /authorize redirects to the login page; Auth0 swaps our state for its own and sets _csrf.
  const loginPage = await step('GET /authorize', () =>
    http.get('authorize', {
      cookieJar: jar,
      followRedirect: true,
      searchParams: {
        client_id: settings.webClientId,
        audience: settings.audience,
        scope: settings.webScope,
        response_type: 'code',
        response_mode: 'query',
        redirect_uri: settings.redirectUri,
        state: clientState,
        nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
    }),
  );
  if (loginPage.statusCode !== 200)
    throw (
      cdnFailure(loginPage, `GET /authorize on ${origin}`, 'auth_base_url') ??
      configError(
        `Peloton's login page answered ${loginPage.statusCode} to /authorize. If Peloton changed its login, check the advanced login settings (web client id, audience, redirect URI).`,
      )
    );
  const serverState = new URL(loginPage.url).searchParams.get('state');
  const csrf = jar.get('_csrf');
  if (csrf === undefined) return 'missing-csrf';
  if (serverState === null) throw systemError("Peloton's login page URL carries no state; the login flow may have changed.");

  // 2. The credentials, as the page's script posts them.
  const login = await step('POST /usernamepassword/login', () =>
    http.post('usernamepassword/login', {
      cookieJar: jar,
      headers: { origin, referer: loginPage.url },
      json: {
        client_id: settings.webClientId,
        redirect_uri: settings.redirectUri,
        tenant: settings.tenant,
        response_type: 'code',
        scope: settings.webScope,
        audience: settings.audience,
        _csrf: csrf,
        state: serverState,
        _intstate: 'deprecated',
        nonce,
        username,
        password,
        connection: settings.connection,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
    }),
  );
  if (login.statusCode !== 200) throw auth0Failure(login, `POST /usernamepassword/login on ${origin}`, 'web');

  // 3. The answer is a page that auto-submits a hidden form to /login/callback: submit it ourselves.
  const form = parseHiddenForm(login.body, origin);
  let response = await step('POST /login/callback', () => http.post(form.action.slice(1), { cookieJar: jar, form: form.fields }));

  // 4. Follow the redirects only until one carries the code.
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const location = response.headers.location;
    if (response.statusCode < 300 || response.statusCode >= 400 || location === undefined) break;
    const next = new URL(location, response.url);
    const code = next.searchParams.get('code');
    if (code !== null) {
      if (next.searchParams.get('state') !== clientState)
        throw systemError("Peloton's login returned a code for a different login attempt (state mismatch); try again.");
      return { code };
    }
    if (next.origin !== origin) break;
    response = await step(`GET ${next.pathname}`, () => http.get(next.pathname.slice(1) + next.search, { cookieJar: jar }));
  }
  throw systemError(
    `Peloton's login did not end in a redirect with an authorization code (last answer ${response.statusCode}); the login flow may have changed. Try login_method "password_grant".`,
  );
}

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};
const decodeEntities = (text: string): string => text.replace(/&(quot|#34|#39|apos|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);

/** The hidden auto-submit form of Auth0's login answer: its action and every hidden input. */
export function parseHiddenForm(html: string, origin: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*\baction="([^"]+)"/i.exec(html)?.[1];
  if (action === undefined) throw systemError("Peloton's login answer has no callback form; the login flow may have changed.");
  const target = new URL(decodeEntities(action), origin);
  if (target.origin !== origin)
    throw systemError(`Peloton's login form posts to ${target.origin}, not ${origin}; refusing to send the login there.`);
  const fields: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!/type="hidden"/i.test(input)) continue;
    const name = /\bname="([^"]*)"/i.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(input)?.[1] ?? '';
    if (name !== undefined) fields[decodeEntities(name)] = decodeEntities(value);
  }
  return { action: target.pathname + target.search, fields };
}
