import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEB_CLIENT } from '../simulator/auth0.js';
import { catalog, runCli, writeFiles, type CliResult } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
/** Every secret any test here handed to the connector or the simulator issued. */
const secrets = new Set<string>();
beforeEach(async () => (sim = await startSim({ workouts: 60, inProgress: 0 })));
afterEach(() => sim.close());

const BOTH = { workouts: 'incremental', workout_metrics: 'incremental' } as const;

function password(loginMethod: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  secrets.add(sim.auth0.password);
  return { auth_type: 'password', username: sim.auth0.username, password: sim.auth0.password, login_method: loginMethod, ...overrides };
}

function oauth(refreshToken = sim.auth0.issueRefreshToken()): Record<string, unknown> {
  secrets.add(refreshToken);
  return { auth_type: 'oauth', refresh_token: refreshToken };
}

async function command(name: 'check' | 'read', credentials: Record<string, unknown>, extra: Record<string, unknown> = {}, state?: unknown): Promise<CliResult> {
  const files = writeFiles({ 'config.json': simConfig(sim, { credentials, ...extra }), 'catalog.json': catalog(BOTH), ...(state === undefined ? {} : { 'state.json': state }) });
  const args = name === 'check' ? ['check', '--config', files['config.json']!] : ['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!];
  if (state !== undefined) args.push('--state', files['state.json']!);
  const result = await runCli(args);
  assertNoSecrets(result);
  return result;
}

/** No password or token anywhere in stdout or stderr, except the config a CONTROL message must carry. */
function assertNoSecrets(result: CliResult): void {
  const issued = [...sim.requests.map((r) => r.authorization?.replace('Bearer ', '')), ...sim.auth0.presentedRefreshTokens];
  for (const token of issued) if (token) secrets.add(token);
  const visible = [result.stderr, ...result.messages.filter((m) => m['type'] !== 'CONTROL').map((m) => JSON.stringify(m))].join('\n');
  for (const secret of secrets) expect(visible.includes(secret), `a secret leaked: ${secret.slice(0, 6)}…`).toBe(false);
}

const status = (result: CliResult): Record<string, unknown> | undefined => result.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'];

describe('every auth type reads both streams', () => {
  it.each([
    ['bearer', () => ({ auth_type: 'bearer', access_token: sim.issueAccessToken() })],
    ['oauth refresh token', () => oauth()],
    ['password, password_grant', () => password('password_grant')],
    ['password, web login', () => password('web')],
    ['password, auto', () => password('auto')],
  ])('%s', async (_name, credentials) => {
    const result = await command('read', credentials());
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts')).toHaveLength(60);
    expect(result.records('workout_metrics')).toHaveLength(60);
    expect(sim.auth0.logins).toBeLessThanOrEqual(1);
  });

  it('auto falls back to the web login when the password-grant client is refused', async () => {
    const result = await command('read', password('auto'), { login_settings: { password_grant_client_id: WEB_CLIENT } });
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts')).toHaveLength(60);
    expect(sim.count('authorize')).toBe(1);
    expect(result.messages.some((m) => m['type'] === 'LOG' && /refused the client.*web login instead/.test(m['log'].message))).toBe(true);
  });

  it('the web login retries when Auth0 omits the _csrf cookie', async () => {
    await sim.close();
    sim = await startSim({ workouts: 5, inProgress: 0, csrfMissingTimes: 2 });
    const result = await command('check', password('web'));
    expect(status(result)).toEqual({ status: 'SUCCEEDED' });
    expect(sim.count('authorize')).toBe(3);
  });

  it('the legacy session login answers 403 in the simulator, as it does at Peloton', async () => {
    const response = await fetch(`${sim.url}/auth/login`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(403);
  });
});

describe('check explains what went wrong', () => {
  it.each([
    ['password_grant, wrong password', () => password('password_grant', { password: 'wrong-password-1' }), /rejected the username or password/],
    ['web, wrong password', () => password('web', { password: 'wrong-password-2' }), /rejected the username or password/],
    ['oauth, revoked refresh token', () => oauth('v1.not-a-token-we-issued'), /refused the refresh token.*rotates refresh tokens/],
    ['bearer, garbage token', () => ({ auth_type: 'bearer', access_token: 'eyJnot.a.token' }), /rejected the bearer token.*Paste a fresh token/],
  ])('%s', async (_name, credentials, message) => {
    secrets.add('wrong-password-1');
    secrets.add('wrong-password-2');
    const result = await command('check', credentials());
    expect(result.exitCode).toBe(0);
    expect(status(result)).toEqual({ status: 'FAILED', message: expect.stringMatching(message) });
  });

  it('auto never falls back after a wrong password (one attempt, no web login)', async () => {
    const result = await command('check', password('auto', { password: 'wrong-password-3' }));
    secrets.add('wrong-password-3');
    expect(status(result)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/rejected the username or password/) });
    expect(sim.count('oauth_token')).toBe(1);
    expect(sim.count('authorize')).toBe(0);
  });

  it('reports Auth0 rate-limiting logins', async () => {
    await sim.close();
    sim = await startSim({ workouts: 5, loginsPerMinute: 0 });
    const result = await command('check', password('password_grant'));
    expect(status(result)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/rate-limiting logins \(429\).*Wait at least 15 minutes/) });
  });

  it('names the host it cannot reach', async () => {
    const result = await command('check', password('password_grant'), { auth_base_url: 'http://127.0.0.1:9' });
    expect(status(result)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/127\.0\.0\.1:9 refused the connection/) });
  });

  it('explains that the legacy session login is gone', async () => {
    const files = writeFiles({ 'config.json': { username: 'me@example.com', password: 'legacy-pass' } });
    secrets.add('legacy-pass');
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(status(result)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/legacy session login .* shut down on 2025-10-31.*"auth_type": "password"/) });
    assertNoSecrets(result);
  });
});

describe('long syncs outlive their access tokens', () => {
  beforeEach(async () => {
    await sim.close();
    sim = await startSim({ workouts: 150, inProgress: 0, accessTokenTtlSeconds: 1, latencyMs: 15 });
  });

  it('password login refreshes mid-read, logs in once and loses nothing', async () => {
    const result = await command('read', password('password_grant'), { max_concurrency: 2 });
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts')).toHaveLength(150);
    expect(new Set(result.records('workout_metrics').map((r) => r['id'])).size).toBe(150);
    expect(sim.auth0.logins).toBe(1);
    expect(sim.auth0.presentedRefreshTokens.length).toBeGreaterThan(0);
  });

  it('oauth hands every rotated refresh token to the platform, and never reuses an old one', async () => {
    const first = await command('read', oauth(), { max_concurrency: 2 });
    expect(first.exitCode).toBe(0);
    expect(first.records('workout_metrics')).toHaveLength(150);
    const controls = first.messages.filter((m) => m['type'] === 'CONTROL');
    const presented = sim.auth0.presentedRefreshTokens;
    expect(presented.length).toBeGreaterThan(1);
    expect(new Set(presented).size).toBe(presented.length);
    expect(controls).toHaveLength(presented.length);
    // Each rotation is announced before any record that follows it.
    const lastControl = first.messages.lastIndexOf(controls.at(-1)!);
    const newConfig = controls.at(-1)!['control'].connectorConfig.config;
    expect(newConfig.credentials).toMatchObject({ auth_type: 'oauth', refresh_token: expect.stringMatching(/^v1\./), access_token: expect.any(String) });
    expect(newConfig.api_base_url).toBe(sim.url);
    expect(lastControl).toBeGreaterThan(0);

    // The next run works with the handed-back config; the first run's tokens are never sent again.
    sim.auth0.accessTokenTtlSeconds = 3600;
    const before = new Set(presented);
    const files = writeFiles({ 'config.json': newConfig, 'catalog.json': catalog(BOTH) });
    const second = await runCli(['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!, '--state', writeFiles({ 's.json': first.lastStates() })['s.json']!]);
    expect(second.exitCode).toBe(0);
    const afterwards = sim.auth0.presentedRefreshTokens.slice(before.size);
    expect(afterwards.every((t) => !before.has(t) || t === newConfig.credentials.refresh_token)).toBe(true);
  });
});
