import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEB_CLIENT } from '../simulator/auth0.js';
import { catalog, runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import { simConfig, simulatorSecrets, startSim, type PelotonSimulator } from './helpers/sim.js';
import { makeCertificates, startTlsServer } from './helpers/tls.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 60, inProgress: 0 })));
afterEach(() => sim.close());

const BOTH = { workouts: 'incremental', workout_metrics: 'incremental' } as const;
/** Config fields that hold a secret, wherever they sit (legacy configs keep them at the top level). */
const SECRET_FIELDS = new Set(['password', 'refresh_token', 'access_token', 'session_id']);

function password(loginMethod: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { auth_type: 'password', username: sim.auth0.username, password: sim.auth0.password, login_method: loginMethod, ...overrides };
}

function oauth(refreshToken = sim.auth0.issueRefreshToken()): Record<string, unknown> {
  return { auth_type: 'oauth', refresh_token: refreshToken };
}

type Run = CliResult & { config: Record<string, unknown> };

async function command(
  name: 'check' | 'read',
  credentials: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  state?: unknown,
): Promise<Run> {
  const config = simConfig(sim, { credentials, ...extra });
  const result = await runWith(name, config, state);
  return Object.assign(result, { config });
}

async function runWith(name: 'check' | 'read', config: Record<string, unknown>, state?: unknown): Promise<CliResult> {
  const files = writeFiles({
    'config.json': config,
    'catalog.json': catalog(BOTH),
    ...(state === undefined ? {} : { 'state.json': state }),
  });
  const args =
    name === 'check'
      ? ['check', '--config', files['config.json']!]
      : ['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!];
  if (state !== undefined) args.push('--state', files['state.json']!);
  const result = await runCli(args);
  assertNoSecrets(result, config);
  return result;
}

function secretsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return found;
  for (const [key, value] of Object.entries(node)) {
    if (SECRET_FIELDS.has(key) && typeof value === 'string') found.add(value);
    else secretsOf(value, found);
  }
  return found;
}

/**
 * No password or token anywhere in stdout or stderr, except the config a CONTROL message must carry:
 * neither the config's own secrets nor any the simulator knows or issued during the run.
 */
function assertNoSecrets(result: CliResult, config: unknown): void {
  const secrets = new Set([...secretsOf(config), ...simulatorSecrets(sim)]);
  const visible = [result.stderr, ...result.messages.filter((m) => m['type'] !== 'CONTROL').map((m) => JSON.stringify(m))].join('\n');
  expect(
    [...secrets].filter((secret) => visible.includes(secret)).map((secret) => `${secret.slice(0, 6)}…`),
    'secrets leaked',
  ).toEqual([]);
}

const status = (result: CliResult): Record<string, unknown> | undefined =>
  result.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'];
const ids = (records: Array<Record<string, any>>): string[] => records.map((r) => r['id']);
const simIds = (): string[] => sim.history.all().map((w) => w.id);

describe('every auth type reads both streams', () => {
  // logins: password grants or web logins; tokens: POST /oauth/token (login, code exchange or refresh); authorize: web logins begun.
  it.each([
    ['bearer', () => ({ auth_type: 'bearer', access_token: sim.issueAccessToken() }), { logins: 0, tokens: 0, authorize: 0 }],
    ['oauth refresh token', () => oauth(), { logins: 0, tokens: 1, authorize: 0 }],
    ['password, password_grant', () => password('password_grant'), { logins: 1, tokens: 1, authorize: 0 }],
    ['password, web login', () => password('web'), { logins: 1, tokens: 1, authorize: 1 }],
    ['password, auto', () => password('auto'), { logins: 1, tokens: 1, authorize: 0 }],
  ])('%s', async (_name, credentials, expected) => {
    const result = await command('read', credentials());
    expect(result.exitCode).toBe(0);
    expect(ids(result.records('workouts'))).toEqual(simIds());
    expect(ids(result.records('workout_metrics'))).toEqual(simIds());
    expect({ logins: sim.auth0.logins, tokens: sim.count('oauth_token'), authorize: sim.count('authorize') }).toEqual(expected);
    // Peloton's retired session login is never tried.
    expect(sim.count('legacy_login')).toBe(0);
  });

  it('auto falls back to the web login when the password-grant client is refused', async () => {
    const result = await command('read', password('auto'), { login_settings: { password_grant_client_id: WEB_CLIENT } });
    expect(result.exitCode).toBe(0);
    expect(ids(result.records('workouts'))).toEqual(simIds());
    expect(sim.count('authorize')).toBe(1);
    expect(sim.auth0.logins).toBe(1);
    expect(
      result.messages.filter((m) => m['type'] === 'LOG' && /refused the client.*web login instead/.test(m['log'].message)),
    ).toHaveLength(1);
  });

  it('the web login retries when Auth0 omits the _csrf cookie', async () => {
    await sim.close();
    sim = await startSim({ workouts: 5, inProgress: 0, csrfMissingTimes: 2 });
    const result = await command('check', password('web'));
    expect(status(result)).toEqual({ status: 'SUCCEEDED' });
    expect(sim.count('authorize')).toBe(3);
    expect(sim.auth0.logins).toBe(1);
  });
});

describe('check explains what went wrong', () => {
  it.each([
    [
      'password_grant, wrong password',
      () => password('password_grant', { password: 'wrong-password-1' }),
      /rejected the username or password/,
    ],
    ['web, wrong password', () => password('web', { password: 'wrong-password-2' }), /rejected the username or password/],
    ['oauth, revoked refresh token', () => oauth('v1.not-a-token-we-issued'), /refused the refresh token.*rotates refresh tokens/],
    [
      'bearer, garbage token',
      () => ({ auth_type: 'bearer', access_token: 'eyJnot.a.token' }),
      /rejected the bearer token.*Paste a fresh token/,
    ],
  ])('%s', async (_name, credentials, message) => {
    const result = await command('check', credentials());
    expect(result.exitCode).toBe(0);
    expect(status(result)).toEqual({ status: 'FAILED', message: expect.stringMatching(message) });
  });

  it('auto never falls back after a wrong password (one attempt, no web login)', async () => {
    const result = await command('check', password('auto', { password: 'wrong-password-3' }));
    expect(status(result)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/rejected the username or password/) });
    expect(sim.count('oauth_token')).toBe(1);
    expect(sim.count('authorize')).toBe(0);
  });

  it('reports Auth0 rate-limiting logins, and does not try again', async () => {
    await sim.close();
    sim = await startSim({ workouts: 5, loginsPerMinute: 0 });
    const result = await command('check', password('password_grant'));
    expect(status(result)).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/rate-limiting logins \(429\).*Wait at least 15 minutes/),
    });
    expect(sim.count('oauth_token')).toBe(1);
  });

  it('names the host it cannot reach', async () => {
    const result = await command('check', password('password_grant'), { auth_base_url: 'http://127.0.0.1:9' });
    expect(status(result)).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(
        /failed after 1 attempt: 127\.0\.0\.1:9 \(auth_base_url\) refused the connection\. Check auth_base_url/,
      ),
    });
  });

  it('names auth_base_url when its host presents a certificate the connection is refused over', async () => {
    const server = await startTlsServer(makeCertificates().selfSigned);
    try {
      const result = await command('check', password('password_grant'), { auth_base_url: server.url });
      expect(status(result)).toMatchObject({
        status: 'FAILED',
        message: expect.stringMatching(
          /oauth\/token failed after 1 attempt: 127\.0\.0\.1:\d+ \(auth_base_url\) presented a self-signed certificate, so the connection was refused \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Check auth_base_url/,
        ),
      });
      // One login attempt, as stated: a login is never retried.
      expect(server.connections).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['password grant', 'password_grant', 'oauth_token'],
    ['web login', 'web', 'authorize'],
  ] as const)('tells a CDN bot-protection challenge on the %s from a refused login', async (_name, method, route) => {
    sim.injectFaults({ route, kind: 'cdn_challenge', times: 1 });
    const result = await command('check', password(method));
    expect(sim.faults.pending).toBe(0);
    expect(status(result)).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(
        /failed after 1 attempt: the bot protection of Peloton's CDN \(Cloudflare\) answered 403 Forbidden with a challenge page.*lower requests_per_second/,
      ),
    });
    expect(String(status(result)?.['message'])).not.toMatch(/credential|password|login settings/i);
    expect(sim.count(route)).toBe(1);
    expect(sim.auth0.logins).toBe(0);
  });

  it.each([
    ['username and password', { username: 'me@example.com', password: 'legacy-pass' }],
    ['a session cookie', { session_id: 'legacy-session-cookie' }],
  ])('explains that the legacy session login is gone, for a config with %s', async (_name, legacy) => {
    const result = await runWith('check', { ...legacy, api_base_url: sim.url, auth_base_url: sim.url });
    expect(result.exitCode).toBe(0);
    expect(status(result)).toEqual({
      status: 'FAILED',
      message: expect.stringMatching(/legacy session login .* shut down on 2025-10-31.*"auth_type": "password"/),
    });
    expect(sim.requests).toEqual([]);
  });
});

/**
 * Which access token served each RECORD: a workouts record came with the page that listed it, a
 * workout_metrics record with its workout's performance graph. When a request was repeated (a 401
 * answered by a refresh, then a retry), the last one is the one that succeeded.
 */
function servingTokens(result: CliResult): Array<{ index: number; record: string; token: string | undefined }> {
  const lastToken = new Map<string, string | undefined>();
  let pageSize = Number.NaN;
  for (const request of sim.requests) {
    const token = request.authorization?.replace(/^Bearer /, '');
    if (request.route === 'workouts') {
      lastToken.set(`page ${request.query['page']}`, token);
      pageSize = Number(request.query['limit']);
    }
    if (request.route === 'performance_graph') lastToken.set(`graph ${request.path.split('/')[3]}`, token);
  }
  const position = new Map(sim.history.all().map((w, i) => [w.id, i]));
  return result.messages.flatMap((m, index) => {
    if (m['type'] !== 'RECORD') return [];
    const { stream, data } = m['record'] as { stream: string; data: { id: string } };
    const key = stream === 'workouts' ? `page ${Math.floor(position.get(data.id)! / pageSize)}` : `graph ${data.id}`;
    return [{ index, record: `${stream} ${data.id}`, token: lastToken.get(key) }];
  });
}

const controlConfig = (m: Message): Record<string, any> => m['control'].connectorConfig.config;

describe('long syncs outlive their access tokens', () => {
  beforeEach(async () => {
    await sim.close();
    sim = await startSim({ workouts: 150, inProgress: 0, accessTokenTtlSeconds: 1, latencyMs: 15 });
  });

  it('password login refreshes mid-read, logs in once and loses nothing', async () => {
    const result = await command('read', password('password_grant'), { max_concurrency: 2 });
    expect(result.exitCode).toBe(0);
    expect(ids(result.records('workouts'))).toEqual(simIds());
    expect(ids(result.records('workout_metrics'))).toEqual(simIds());
    expect(sim.auth0.logins).toBe(1);
    // How many refreshes a run needs depends on its speed; that it needed some is what matters.
    expect(sim.auth0.presentedRefreshTokens.length).toBeGreaterThan(0);
  });

  it('password login: a refresh Peloton refuses mid-read stops the sync as transient, without a second login', async () => {
    // The login's own token request goes through; the first refresh after it is refused.
    sim.injectFaults({ route: 'oauth_token', kind: 'status', status: 403, times: 1, skip: 1 });
    const result = await command('read', password('password_grant'), { max_concurrency: 2 });
    expect(result.exitCode).toBe(1);
    expect(sim.auth0.logins).toBe(1);
    const failures = result.errors().map((e) => e['trace'].error);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toMatchObject({ failure_type: 'transient_error', message: expect.stringContaining('the next sync logs in again') });
    }
  });

  it('oauth hands every rotated refresh token to the platform, and never reuses an old one', async () => {
    const first = await command('read', oauth(), { max_concurrency: 2 });
    expect(first.exitCode).toBe(0);
    expect(ids(first.records('workout_metrics'))).toEqual(simIds());
    const controls = first.messages.filter((m) => m['type'] === 'CONTROL');
    const presented = [...sim.auth0.presentedRefreshTokens];
    expect(presented.length).toBeGreaterThan(1);
    expect(new Set(presented).size).toBe(presented.length);
    // One CONTROL per rotation, each carrying the whole config with the token the next refresh presents.
    expect(controls).toHaveLength(presented.length);
    const rotated = controls.map((m) => controlConfig(m)['credentials'].refresh_token as string);
    expect(rotated.slice(0, -1)).toEqual(presented.slice(1));
    for (const control of controls) {
      const config = controlConfig(control);
      expect(config).toEqual({
        ...first.config,
        credentials: {
          ...(first.config['credentials'] as object),
          refresh_token: expect.stringMatching(/^v1\./),
          access_token: expect.any(String),
        },
      });
    }

    // Each rotation is announced before any record fetched with the access token it brought.
    const announcedAt = new Map(controls.map((m) => [controlConfig(m)['credentials'].access_token as string, first.messages.indexOf(m)]));
    const served = servingTokens(first);
    expect(served).toHaveLength(300);
    const early = served.filter((r) => r.token === undefined || !((announcedAt.get(r.token) ?? Number.POSITIVE_INFINITY) < r.index));
    expect(early.map((r) => r.record)).toEqual([]);
    // Tokens were rotated while records were flowing, not only before the first one.
    expect(new Set(served.map((r) => r.token)).size).toBeGreaterThan(1);

    // The next run works with the handed-back config: it presents the last rotated token, and none the first run used.
    // Its access token may still be valid; revoked, the run has to refresh.
    sim.auth0.accessTokenTtlSeconds = 3600;
    const newConfig = controlConfig(controls.at(-1)!);
    sim.auth0.revoke(newConfig['credentials'].access_token);
    const second = await runWith('read', newConfig, first.lastStates());
    expect(second.exitCode).toBe(0);
    const afterwards = sim.auth0.presentedRefreshTokens.slice(presented.length);
    expect(afterwards[0]).toBe(newConfig['credentials'].refresh_token);
    expect(afterwards.filter((t) => presented.includes(t))).toEqual([]);
  });
});
